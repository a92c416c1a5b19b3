#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:8000 with live reload.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec .venv/bin/python build.py serve "$@"
