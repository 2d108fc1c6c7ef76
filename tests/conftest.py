import pytest

from xianjice import bundled_seed


@pytest.fixture(scope="session")
def seed_path():
    return bundled_seed()


@pytest.fixture(scope="session")
def seed_text(seed_path):
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_compilation(seed_path):
    from xianjice.extract.book import read_compilation

    return read_compilation(seed_path)
