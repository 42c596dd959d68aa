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

/// Spawns the pager `file` (searched on PATH) in the caller's process group — the terminal's
/// foreground group when the caller is in it — with default signal handling, an empty signal
/// mask, `input_fd` on stdin, the caller's stdout and stderr, and descriptors from 3 closed.
/// Returns 0 and the pid in `pid`, or an errno value.
int practice_spawn_pager(pid_t *pid, const char *file, char *const argv[], char *const envp[],
                         int input_fd);

/// 1 when the calling process is in the foreground process group of the terminal `fd`.
int practice_in_foreground(int fd);

/// `pipe2(fds, O_CLOEXEC)`: a pipe whose ends are not inherited by other children.
int practice_pipe_cloexec(int fds[2]);

/// While at least one scope is open, SIGINT, SIGTERM and SIGHUP only record the first signal
/// (no SA_RESTART); the previous handlers are restored when the last scope ends.
void practice_interrupts_begin(void);
void practice_interrupts_end(void);
/// The first signal received in the current scope, or 0.
int practice_interrupt_pending(void);
/// From any thread: acts as if `number` had arrived, when a scope is open (returns 1), else
/// does nothing (returns 0). `practice watch` cancels a grade with it when `q` is pressed.
int practice_interrupt_request(int number);

#endif
