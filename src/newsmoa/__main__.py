"""`python -m newsmoa`: the command line, as the `newsmoa` script runs it."""

from newsmoa.serve.cli import main

main()
