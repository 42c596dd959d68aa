# Shared by scripts/practice and scripts/test: make sure the system libraries are installed.
# Sourced, not run. Prints only when it has something to do, and only on stderr.

practice_root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"

# Installs the Debian packages named in "$@" that are missing (apt-get, with sudo when not root).
practice_apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "practice: please install these Debian packages (as root): $*" >&2
      return 2
    fi
  fi
  echo "practice: installing $* with apt-get…" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"; } >&2 \
    || { echo "practice: apt-get install $* failed" >&2; return 2; }
}

# The cheap check that runs on every call: a few file tests, no package database queries.
practice_ensure_system() {
  local missing=()
  [ -f /usr/include/git2.h ] || missing+=(libgit2-dev)
  command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
  pkg-config --exists openblas 2>/dev/null || missing+=(libopenblas-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  for extra in "$@"; do
    command -v "$extra" >/dev/null 2>&1 || missing+=("$extra")
  done
  if [ "${#missing[@]}" -gt 0 ]; then practice_apt_install "${missing[@]}" || return $?; fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "practice: the Swift toolchain (swift, swiftc) is not on PATH; install Swift 6 from swift.org" >&2
    return 2
  fi
}
