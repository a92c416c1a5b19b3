#!/usr/bin/env bash
# Prepares everything the project needs, idempotently: a virtual environment with the Python
# dependencies, the pinned npm packages (Pyodide) and, with --test, the test tools and Chromium.
# Sourced by serve.sh and test.sh (which sets WITH_TEST=1); re-runs are quick because each step
# is keyed by a stamp.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WITH_TEST="${WITH_TEST:-0}"
STAMPS="$ROOT/.cache/stamps"
mkdir -p "$STAMPS"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
digest() { cat "$@" | sha256sum | cut -d' ' -f1; }

# Python 3.11 or newer: the build and tests use tomllib and recent typing.
PYTHON="${PYTHON:-python3}"
command -v "$PYTHON" >/dev/null || die "Python 3.11+ is needed: install the Debian package python3 (and python3-venv)."
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "Python 3.11+ is needed; $PYTHON is $("$PYTHON" -V 2>&1)."
command -v npm >/dev/null || die "Node.js and npm are needed: install the Debian packages nodejs and npm."

if [[ ! -x .venv/bin/python ]]; then
  say "Creating the virtual environment in .venv"
  "$PYTHON" -m venv .venv || die "could not create .venv: install the Debian package python3-venv."
fi

target="."
(( WITH_TEST )) && target=".[test]"
want="$(digest pyproject.toml)-$target"
if [[ "$(cat "$STAMPS/pip" 2>/dev/null)" != "$want" ]]; then
  say "Installing Python dependencies ($target)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
  echo "$want" > "$STAMPS/pip"
fi

want="$(digest package.json package-lock.json)"
if [[ ! -d node_modules/pyodide || "$(cat "$STAMPS/npm" 2>/dev/null)" != "$want" ]]; then
  say "Installing the pinned npm packages (Pyodide) with npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$STAMPS/npm"
fi

# Debian packages the tests need: Chromium for the browser tests, Java for the HTML and Atom
# validators, curl for the test of the Pages workflow's deploy decision.
if (( WITH_TEST )); then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v curl >/dev/null || missing+=(curl)
  if (( ${#missing[@]} )); then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
      say "Installing Debian packages for the tests: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      die "the tests need Debian packages: run 'sudo apt-get install ${missing[*]}' and try again."
    fi
  fi
fi
