"""`python -m ucgov` runs the same command line as the `ucgov` console script."""

from ucgov.cli import main

main()
