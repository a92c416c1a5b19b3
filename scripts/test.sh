#!/usr/bin/env bash
# Installs the test tools (Python packages, npm packages, Debian's chromium) and runs every test.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/engine -x`.
# The tests run in two processes (pytest-xdist), each test file whole in one of them, so that a
# file's shared fixtures are made once; `-n 0` after it runs them in one process, `-n N` in N.
set -euo pipefail
WITH_TEST=1
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec .venv/bin/python -m pytest -n "${TEST_PROCESSES:-2}" --dist loadfile "$@"
