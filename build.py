#!/usr/bin/env python3
"""Build the site into site/ (`python build.py`) or serve it with live reload (`python build.py serve`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen.build import build_site
from sitegen.errors import BuildError

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", nargs="?", choices=["build", "serve"], default="build",
                        help="build once (default) or serve on http://127.0.0.1:PORT with live reload")
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--base-url", default="/",
                        help='path the site is served under, e.g. "/repo-name/" for GitHub project pages; '
                             'a full address ("https://me.github.io/repo-name/") also gives full URLs in sitemap.xml')
    parser.add_argument("--port", type=int, default=8000, help="port for serve (default: 8000)")
    args = parser.parse_args(argv)
    if args.command == "serve":
        from sitegen.serve import serve

        return serve(args.out, base_url=args.base_url, port=args.port)
    try:
        build_site(args.out, base_url=args.base_url)
    except BuildError as exc:
        print(f"{exc}", file=sys.stderr)
        return 1
    print(f"built {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
