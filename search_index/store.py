"""Where the index lives on disk: generations, an atomic swap, and the one-writer lock.

    <root>/current          symlink to the generation searches use
    <root>/generations/<g>  a complete Whoosh index
    <root>/writer.lock      held (flock) by the one process writing; freed by the kernel if it dies

A rebuild writes a new generation beside the current one and swaps the symlink with a rename, so
searches go on throughout and never see a half-built index.
"""
import fcntl
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError

from search_index.schema import build_schema

KEEP_OLD_GENERATIONS = 1


class IndexMissing(RuntimeError):
    """No index on disk (never built, or its folder was deleted): `flask search reindex` builds one."""


class IndexStore:
    def __init__(self, root):
        self.root = Path(root)
        self.current_link = self.root / "current"
        self.generations = self.root / "generations"
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._handle = None

    def exists(self):
        return self.current_link.exists() and whoosh_index.exists_in(self.current_link)

    def current_generation(self):
        return os.readlink(self.current_link) if self.current_link.is_symlink() else None

    def open(self):
        """The current generation's index (writers: hold the lock; IndexMissing if there is none)."""
        return self.open_current()[1]

    def open_current(self):
        """(generation, index) of the current generation, read from one look at the symlink, so a
        swap in between cannot pair one generation's name with another's index.

        Raises IndexMissing where there is none: only a rebuild makes one, so that no reader is ever
        given an empty index while the real one is being built.
        """
        try:
            generation = os.readlink(self.current_link)
            return generation, whoosh_index.open_dir(self.root / generation)
        except (OSError, EmptyIndexError):
            raise IndexMissing(self.root) from None

    def new_generation(self):
        """Create an empty index in a new generation folder and return its path."""
        self.generations.mkdir(parents=True, exist_ok=True)
        path = self.generations / f"{time.time_ns()}-{os.getpid()}"
        path.mkdir()
        whoosh_index.create_in(path, build_schema())
        return path

    def swap_to(self, path):
        """Point `current` at `path` atomically; drop generations older than the one replaced."""
        temporary = self.root / f".current-{os.getpid()}"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(Path(path).relative_to(self.root))
        os.replace(temporary, self.current_link)
        self._remove_old_generations(keep={Path(path).name})

    def _remove_old_generations(self, keep):
        older = sorted(p for p in self.generations.iterdir() if p.name not in keep)
        for path in older[:-KEEP_OLD_GENERATIONS] if KEEP_OLD_GENERATIONS else older:
            shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def writer_lock(self, blocking=False):
        """Yields True while this process holds the writer lock, False if another holds it.

        Re-entrant within a thread (flock would deadlock on a second handle in the same process);
        exclusive between threads and, through flock, between processes.
        """
        if not self._thread_lock.acquire(blocking=blocking):
            yield False
            return
        try:
            if self._depth == 0 and not self._lock_file(blocking):
                yield False
                return
            self._depth += 1
            try:
                yield True
            finally:
                self._depth -= 1
                if self._depth == 0:
                    fcntl.flock(self._handle, fcntl.LOCK_UN)
                    self._handle.close()
                    self._handle = None
        finally:
            self._thread_lock.release()

    def _lock_file(self, blocking):
        self.root.mkdir(parents=True, exist_ok=True)
        handle = open(self.root / "writer.lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True
