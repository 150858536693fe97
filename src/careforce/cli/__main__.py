"""``python -m careforce.cli`` runs the ``careforce`` command."""

from careforce.cli.app import main

main()
