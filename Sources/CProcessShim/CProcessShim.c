#define _GNU_SOURCE
#include "CProcessShim.h"
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

int practice_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   const char *cwd, int out_fd, int results_fd, int secret_fd) {
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
  if (!error && results_fd >= 0 && secret_fd >= 0)
    error = posix_spawn_file_actions_adddup2(&actions, secret_fd, 4);
  int first_closed = results_fd < 0 ? 3 : (secret_fd < 0 ? 4 : 5);
  if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, first_closed);
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

/* Interruptions: SIGINT, SIGTERM and SIGHUP only set a flag while a grade runs, so the grader can
   kill what it started, remove its staging folders and return; the previous handlers come back
   when the last scope ends. */
static volatile sig_atomic_t practice_signal = 0;
static int practice_depth = 0;
static const int practice_signals[3] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction practice_saved[3];

static void practice_on_signal(int number) {
  if (!practice_signal) practice_signal = number;
}

void practice_interrupts_begin(void) {
  if (__atomic_fetch_add(&practice_depth, 1, __ATOMIC_SEQ_CST) > 0) return;
  practice_signal = 0;
  struct sigaction action;
  action.sa_handler = practice_on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: a blocking wait returns with EINTR */
  for (int i = 0; i < 3; i++) sigaction(practice_signals[i], &action, &practice_saved[i]);
}

void practice_interrupts_end(void) {
  if (__atomic_load_n(&practice_depth, __ATOMIC_SEQ_CST) == 0) return;
  if (__atomic_sub_fetch(&practice_depth, 1, __ATOMIC_SEQ_CST) > 0) return;
  for (int i = 0; i < 3; i++) sigaction(practice_signals[i], &practice_saved[i], NULL);
}

int practice_interrupt_pending(void) {
  return practice_signal;
}

int practice_interrupt_request(int number) {
  if (__atomic_load_n(&practice_depth, __ATOMIC_SEQ_CST) == 0) return 0;
  if (!practice_signal) practice_signal = number;
  return 1;
}

/* The pager: in practice's own process group, so it is in the terminal's foreground group when
   practice is (a pager in a group of its own is stopped by the kernel with SIGTTOU/SIGTTIN the
   moment it touches the terminal). Default signal handling, an empty mask, `input_fd` on stdin;
   stdout and stderr are the terminal, as they are practice's. */
int practice_spawn_pager(pid_t *pid, const char *file, char *const argv[], char *const envp[],
                         int input_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  int error = posix_spawn_file_actions_init(&actions);
  if (error) return error;
  error = posix_spawnattr_init(&attributes);
  if (error) { posix_spawn_file_actions_destroy(&actions); return error; }
  if (!error) error = posix_spawn_file_actions_adddup2(&actions, input_fd, 0);
  if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  if (!error) error = posix_spawnattr_setsigdefault(&attributes, &all);
  if (!error) error = posix_spawnattr_setsigmask(&attributes, &none);
  if (!error) error = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  if (!error) error = posix_spawnp(pid, file, &actions, &attributes, argv, envp);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return error;
}

int practice_in_foreground(int fd) {
  pid_t group = tcgetpgrp(fd);
  return group >= 0 && group == getpgrp();
}
