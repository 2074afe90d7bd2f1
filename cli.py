"""Run the glossary command line from a checkout: ``python cli.py lookup Situn``."""

from glossary.cli import main

if __name__ == "__main__":
    main()
