"""Errors byline raises for input it cannot read.

Each carries the input's name and a one-line problem so the command line can
print ``byline: PATH: problem`` and move on to the next input.
"""


class BylineInputError(Exception):
    """An input that cannot become a record at all (missing, binary, too big...)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
