"""`python -m newsmoa.backfill ...` and `spark-submit .../newsmoa/backfill/__main__.py ...`.

spark-submit takes a Python file, not a console script; this file is that entry point and
runs the `newsmoa backfill` command with the same arguments.
"""

from newsmoa.serve.cmd_backfill import backfill

if __name__ == "__main__":
    backfill(prog_name="newsmoa backfill")
