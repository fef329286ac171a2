"""Allow ``python -m interviewer``, the same as the ``interviewer`` console script."""

from interviewer.cli import main

if __name__ == "__main__":
    main()
