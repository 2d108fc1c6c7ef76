"""The one root exception of xianjice, and its kinds."""


class XianjiceError(Exception):
    """Root of every error the tool raises on purpose.

    The CLI turns any ``XianjiceError`` into a one-line message and exit
    status 2; anything else is a bug.
    """


class InputError(XianjiceError):
    """The input file cannot be read as a compilation (missing, binary, empty …)."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class LexiconError(XianjiceError):
    """A lexicon or gazetteer data file is malformed."""
