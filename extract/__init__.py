"""Extractors: text of a compilation → frozen records.

``extract`` never imports ``graph``; data flows one way.
"""

from xianjice.errors import InputError, XianjiceError

__all__ = ["InputError", "XianjiceError"]
