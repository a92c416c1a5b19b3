#!/usr/bin/env bash
# Installs the test tools (Python packages, npm packages, Debian's chromium) and runs every test.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/engine -x`.
set -euo pipefail
WITH_TEST=1
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec .venv/bin/python -m pytest "$@"
