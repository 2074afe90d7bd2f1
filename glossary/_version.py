"""The package version, in a module of its own: the CLI and the index cache read it
without importing the package's front door."""

__version__ = "0.1.0"
