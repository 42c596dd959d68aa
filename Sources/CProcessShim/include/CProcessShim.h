#ifndef PRACTITIONER_CPROCESSSHIM_H
#define PRACTITIONER_CPROCESSSHIM_H
#include <spawn.h>
#include <sys/types.h>

/// Spawns `path` with `argv`/`envp`; the child gets its own process group, default signal
/// dispositions, an empty signal mask, /dev/null on stdin, `out_fd` on stdout and stderr,
/// `results_fd` (if >= 0) on descriptor 3, `secret_fd` (if >= 0, with a results channel) on
/// descriptor 4, and every other descriptor closed.
/// Returns 0 and the pid in `pid`, or an errno value.
int practice_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   const char *cwd, int out_fd, int results_fd, int secret_fd);

/// `pipe2(fds, O_CLOEXEC)`: a pipe whose ends are not inherited by other children.
int practice_pipe_cloexec(int fds[2]);

/// While at least one scope is open, SIGINT, SIGTERM and SIGHUP only record the first signal
/// (no SA_RESTART); the previous handlers are restored when the last scope ends.
void practice_interrupts_begin(void);
void practice_interrupts_end(void);
/// The first signal received in the current scope, or 0.
int practice_interrupt_pending(void);

#endif
