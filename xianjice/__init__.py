"""xianjice (献计策): a compilation of proposal essays → a knowledge graph."""

from pathlib import Path

__version__ = "0.1.0"

SEED_NAME = "customs-2009-xianjice-prize-essays.txt"


def bundled_seed() -> Path:
    """The bundled default input: the 2009 China Customs compilation (partial text).

    It lives in the repository's ``seeds/`` folder, next to the packages, so
    it is there for a source checkout installed with ``pip install -e .``
    (the README's set-up); an installed wheel has no default input.
    """
    return Path(__file__).resolve().parent.parent / "seeds" / SEED_NAME
