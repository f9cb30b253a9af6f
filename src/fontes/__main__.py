"""`python -m fontes` runs the command line."""

from fontes.cli import app

app(prog_name="fontes")
