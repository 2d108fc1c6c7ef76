"""xianjice (献计策): a compilation of proposal essays → a knowledge graph."""

from pathlib import Path

__version__ = "0.1.0"

SEED_NAME = "customs-2009-xianjice-prize-essays.txt"


def bundled_seed() -> Path:
    """Return the path of the bundled default input (the 2009 China Customs compilation, partial text).

    The repository's ``seeds/`` folder installs as the data package ``xianjice.seeds``,
    so the seed is there in a wheel as in a source checkout.

    Returns
    -------
    pathlib.Path
        The seed's text file; it exists whenever the package is installed whole.
    """
    from importlib import resources

    return Path(str(resources.files("xianjice.seeds") / SEED_NAME))
