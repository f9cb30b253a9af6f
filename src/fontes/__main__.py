"""`python -m fontes` runs the command line."""

from fontes.cli import main

main()
