"""Fixtures for the index sync tests: settings for other processes, and a process holding the lock."""
import pytest
from sync_processes import LockHolder

from directory.config import TestingConfig


@pytest.fixture
def process_settings(app):
    """The app's settings as a picklable mapping, for create_app in another process."""
    return {key: app.config[key] for key in dir(TestingConfig) if key.isupper()}


@pytest.fixture
def lock_holder(app):
    """lock_holder(mid_write=False) -> a LockHolder: a spawned process holding the writer lock of the
    app's index through an IndexStore of its own, until .release() or .kill()."""
    holders = []

    def start(mid_write=False):
        holders.append(LockHolder(app.config["SEARCH_INDEX_DIR"], mid_write))
        return holders[-1]

    yield start
    for holder in holders:
        holder.kill()
