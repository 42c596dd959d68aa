#define _GNU_SOURCE
#include "CProcessShim.h"
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

int practice_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   const char *cwd, int out_fd, int results_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  int error = posix_spawn_file_actions_init(&actions);
  if (error) return error;
  error = posix_spawnattr_init(&attributes);
  if (error) { posix_spawn_file_actions_destroy(&actions); return error; }

  if (!error) error = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (!error) error = posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  if (!error) error = posix_spawn_file_actions_adddup2(&actions, out_fd, 2);
  if (!error && results_fd >= 0) error = posix_spawn_file_actions_adddup2(&actions, results_fd, 3);
  if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, results_fd >= 0 ? 4 : 3);
  if (!error && cwd) error = posix_spawn_file_actions_addchdir_np(&actions, cwd);

  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  if (!error) error = posix_spawnattr_setsigdefault(&attributes, &all);
  if (!error) error = posix_spawnattr_setsigmask(&attributes, &none);
  if (!error) error = posix_spawnattr_setpgroup(&attributes, 0);
  if (!error)
    error = posix_spawnattr_setflags(
        &attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  if (!error) error = posix_spawn(pid, path, &actions, &attributes, argv, envp);

  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return error;
}


int practice_pipe_cloexec(int fds[2]) {
  return pipe2(fds, O_CLOEXEC);
}
