"""Configuration from environment variables, with safe defaults for a developer's machine."""
import os


def _int(name, default):
    return int(os.environ.get(name, default))


class Config:
    """Read once at start-up. Paths left as None are filled in under the instance folder."""

    ENV_NAME = os.environ.get("DIRECTORY_ENV", "development")
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR")
    SQLALCHEMY_ENGINE_OPTIONS = {}  # setup.engine_options adds the timeouts below and hides parameters
    DATABASE_CONNECT_TIMEOUT_S = _int("DATABASE_CONNECT_TIMEOUT_S", 5)
    DATABASE_STATEMENT_TIMEOUT_S = _int("DATABASE_STATEMENT_TIMEOUT_S", 15)
    DATABASE_LOCK_TIMEOUT_S = _int("DATABASE_LOCK_TIMEOUT_S", 5)
    DATABASE_POOL_TIMEOUT_S = _int("DATABASE_POOL_TIMEOUT_S", 10)
    BABEL_DEFAULT_LOCALE = "th"
    BABEL_DEFAULT_TIMEZONE = "Asia/Bangkok"
    LANGUAGES = ("th", "en")
    API_MAX_PER_PAGE = 100
    API_DEFAULT_PER_PAGE = 20
    JSON_SORT_KEYS = False

    # Every absolute link (mail, private links, the API) is built on this, never on the request's Host.
    # Required in production; elsewhere it defaults to the development server's http://127.0.0.1:5000.
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL")
    # Optionally, the only Host headers answered (comma-separated); any other gets a 400 (Flask's check).
    TRUSTED_HOSTS = [h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip()] or None

    # Sessions: HttpOnly and SameSite always; Secure when served over HTTPS (PREFERRED_URL_SCHEME).
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = PREFERRED_URL_SCHEME == "https"
    REMEMBER_COOKIE_HTTPONLY = True
    # How many proxies in front set X-Forwarded-For / -Proto; 0 trusts none (the client is the peer).
    PROXY_COUNT = _int("PROXY_COUNT", 0)

    # Uploads (logos) live under the instance folder unless UPLOAD_DIR says otherwise.
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR")
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    # Spreadsheets staff upload at /staff/imports (CSV or .xlsx); workflows/organisation_import.MAX_ROWS caps rows.
    IMPORT_MAX_BYTES = _int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)

    # The terms of the open-data downloads at /data (the institute decides; CC BY 4.0 until it does).
    OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "CC BY 4.0")
    OPEN_DATA_LICENCE_URL = os.environ.get("OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
    # A download is made again, after a change, at most this often (services/organisations/open_data.py).
    OPEN_DATA_MAX_AGE_S = _int("OPEN_DATA_MAX_AGE_S", 3600)
    # Maps (Leaflet, vendored under static/vendor): the tile server's URL template and the attribution
    # its terms ask for. The tiles' origin is allowed as images by the Content Security Policy.
    MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    MAP_ATTRIBUTION = os.environ.get(
        "MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')
    # The results map shows at most this many organisations (the first in the results' order).
    MAP_MARKER_LIMIT = _int("MAP_MARKER_LIMIT", 1000)
    # Each worker keeps the /statistics figures this long (services/search/statistics.py); 0 counts every time.
    STATISTICS_CACHE_S = _int("STATISTICS_CACHE_S", 60)

    # Outgoing mail: files in MAIL_FOLDER (instance/mail) unless SMTP_HOST is set.
    MAIL_FOLDER = os.environ.get("MAIL_FOLDER")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "We Are CSO directory <no-reply@localhost>")
    SMTP_HOST = os.environ.get("SMTP_HOST")
    SMTP_PORT = _int("SMTP_PORT", 587)
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "1") == "1"

    # Signed links in mail expire: verification after 3 days, password reset after 1 hour.
    EMAIL_VERIFICATION_MAX_AGE = 3 * 24 * 3600
    PASSWORD_RESET_MAX_AGE = 3600
    INVITATION_MAX_AGE = 14 * 24 * 3600
    PASSWORD_MIN_LENGTH = 10
    # Argon2id cost: argon2-cffi's RFC 9106 low-memory profile (64 MiB, 3 passes, 4 lanes), above
    # OWASP's minimum. Hashes made with other costs are upgraded at the next sign-in.
    ARGON2_TIME_COST = _int("ARGON2_TIME_COST", 3)
    ARGON2_MEMORY_COST = _int("ARGON2_MEMORY_COST", 65536)
    ARGON2_PARALLELISM = _int("ARGON2_PARALLELISM", 4)

    # Rate limits (Flask-Limiter). memory:// counts per worker process; set redis://host:6379 to share.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Sign-in (services/accounts/sign_in_throttle.py): failed attempts per address and account (or per trusted
    # browser and account), per address over all accounts, and the account-wide wait that follows.
    LOGIN_LIMIT = os.environ.get("LOGIN_LIMIT", "10 per 15 minutes")
    LOGIN_ADDRESS_LIMIT = os.environ.get("LOGIN_ADDRESS_LIMIT", "30 per 15 minutes")
    LOGIN_DELAY_AFTER = _int("LOGIN_DELAY_AFTER", 5)
    LOGIN_DELAY_MAX_S = _int("LOGIN_DELAY_MAX_S", 300)
    # Searches per address (page and API): generous, against a flood, not against people.
    SEARCH_LIMIT = os.environ.get("SEARCH_LIMIT", "120 per minute")
    # Whole answers to visitors' searches are kept per worker until the index changes.
    SEARCH_CACHE = os.environ.get("SEARCH_CACHE", "1") == "1"
    # Text matching stops after this long and the page says its results may be incomplete.
    SEARCH_BUDGET_S = float(os.environ.get("SEARCH_BUDGET_S", "0.5"))
    PASSWORD_RESET_LIMIT = os.environ.get("PASSWORD_RESET_LIMIT", "5 per hour")
    APPLICATION_LIMIT = os.environ.get("APPLICATION_LIMIT", "20 per hour")  # event applications, per address
    PRIVATE_LINK_LIMIT = os.environ.get("PRIVATE_LINK_LIMIT", "5 per hour")  # "send my link again", per email/address
    CORRECTION_LIMIT = os.environ.get("CORRECTION_LIMIT", "5 per hour")  # suggested corrections sent, per address

    # /readyz says "not ready" when the search outbox's oldest unapplied entry is older than this.
    READY_MAX_LAG_S = _int("READY_MAX_LAG_S", 60)

    # Geocoding: the offline gazetteer of seeded places, or Nominatim when NOMINATIM_USER_AGENT is set.
    NOMINATIM_USER_AGENT = os.environ.get("NOMINATIM_USER_AGENT")


class ProductionConfig(Config):
    ENV_NAME = "production"


class TestingConfig(Config):
    """Used by the test suite: the database URL and index folder are given by the fixtures."""

    ENV_NAME = "testing"
    TESTING = True
    PUBLIC_BASE_URL = "http://localhost"  # the test client's own host
    SEARCH_LIMIT = "100000 per minute"  # property tests search thousands of times; a test sets it lower
    STATISTICS_CACHE_S = 0  # tests change the data between two requests
    SECRET_KEY = "testing-secret-key"
    # OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): fast enough for hundreds of sign-ins.
    ARGON2_TIME_COST = 2
    ARGON2_MEMORY_COST = 19456
    ARGON2_PARALLELISM = 1


CONFIGS = {"development": Config, "production": ProductionConfig, "testing": TestingConfig}


def config_from_environment():
    return CONFIGS.get(os.environ.get("DIRECTORY_ENV", "development"), Config)
