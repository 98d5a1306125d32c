"""Subcommands of the ``byline`` command line, one module each."""
