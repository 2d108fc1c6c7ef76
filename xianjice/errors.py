"""The one root exception of xianjice, and every kind of it.

Every error the library raises on purpose is defined here, so that a caller
catches :class:`XianjiceError` (or one of its kinds) without knowing which
module raised it; the CLI turns each into one ``Error:`` line and exit 2.
"""


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


class BaseIRIError(XianjiceError):
    """The base IRI given with ``--base`` cannot be used."""


class QueryError(XianjiceError):
    """A query cannot be read, parsed or run, or there is no build to run it on."""


class ExportError(XianjiceError):
    """The output directory cannot be written or replaced."""


class PushError(XianjiceError):
    """The upload did not happen (bad endpoint URL, nothing to upload …)."""


class EndpointUnavailable(PushError):
    """Nothing answers at the endpoint (connection refused, unknown host, time-out)."""


class EndpointRefused(PushError):
    """The endpoint answered with an HTTP error status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class GraphBuildError(XianjiceError):
    """The records cannot be put into one graph (e.g. one book given twice)."""


class FontMissingError(XianjiceError):
    """No font able to draw Chinese is installed."""


class UnsupportedFormat(InputError):
    """The file is of a kind no reader reads (old binary Word ``.doc``, ``.xls``, RTF, a zip archive …).

    The message says what the file is and what to turn it into.
    """


class EncryptedFile(InputError):
    """The file is password-protected (an encrypted PDF or Office file)."""


class BrokenFile(InputError):
    """The file says it is of a kind (PDF, ``.docx``, ``.xlsx`` …) but cannot be read as one."""


class NoTextLayer(InputError):
    """A PDF without text to read: a scan (OCR is out of scope)."""
