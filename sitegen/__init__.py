"""Static-site generator for the Express Entry guide (see docs/architecture.md)."""
