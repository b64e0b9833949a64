"""``python -m innograph`` runs the command line."""

from innograph.cli import main

if __name__ == "__main__":
    main()
