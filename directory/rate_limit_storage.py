"""Rate-limit storage that outlives its server: Redis (or any `limits` storage) with a fallback to this
process's memory while it is down, so an outage of Redis never turns a sign-in into a 500.

RATELIMIT_STORAGE_URI=redis://host:6379 is used as fallback+redis://host:6379 (see with_fallback): the
limits still hold while Redis is away, counted per process, and a warning says so once per outage.
"""
import logging
import time

from limits.storage import MemoryStorage, Storage, storage_from_string

RETRY_AFTER_S = 5  # while down, how long to use memory before trying the real storage again
log = logging.getLogger(__name__)


def with_fallback(uri):
    """The URI to give Flask-Limiter: memory:// as it is, any other storage behind the fallback."""
    return uri if not uri or uri.startswith(("memory:", "fallback+")) else f"fallback+{uri}"


class FallbackStorage(Storage):
    STORAGE_SCHEME = ["fallback+redis", "fallback+rediss", "fallback+redis+unix", "fallback+valkey",
                      "fallback+memcached"]

    def __init__(self, uri, wrap_exceptions=False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self.primary = storage_from_string(uri.removeprefix("fallback+"), **options)
        self.memory = MemoryStorage()
        self.down_since = None

    @property
    def base_exceptions(self):
        return ()  # nothing gets out: that is the point

    def _call(self, method, *args, **kwargs):
        if self.down_since is not None and time.monotonic() - self.down_since < RETRY_AFTER_S:
            return getattr(self.memory, method)(*args, **kwargs)
        try:
            result = getattr(self.primary, method)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001  any failure of the storage, whatever the client raises
            if self.down_since is None:
                log.warning("rate-limit storage unreachable (%s): counting in this process's memory until it "
                            "answers again", type(error).__name__)
            self.down_since = time.monotonic()
            return getattr(self.memory, method)(*args, **kwargs)
        if self.down_since is not None:
            log.warning("rate-limit storage answers again")
            self.down_since = None
        return result

    def incr(self, key, expiry, amount=1):
        return self._call("incr", key, expiry, amount=amount)

    def get(self, key):
        return self._call("get", key)

    def get_expiry(self, key):
        return self._call("get_expiry", key)

    def check(self):
        return True

    def reset(self):
        return self._call("reset")

    def clear(self, key):
        return self._call("clear", key)
