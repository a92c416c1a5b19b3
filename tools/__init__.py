"""One-command updaters that regenerate data/ from a newer upstream copy (see data/README.md)."""
