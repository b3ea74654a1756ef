"""Configuration from environment variables, with safe defaults for a developer's machine."""
import os


class Config:
    """Read once at start-up. Paths left as None are filled in under the instance folder."""

    ENV_NAME = os.environ.get("DIRECTORY_ENV", "development")
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    BABEL_DEFAULT_LOCALE = "th"
    BABEL_DEFAULT_TIMEZONE = "Asia/Bangkok"
    LANGUAGES = ("th", "en")
    API_MAX_PER_PAGE = 100
    API_DEFAULT_PER_PAGE = 20
    JSON_SORT_KEYS = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"


class ProductionConfig(Config):
    ENV_NAME = "production"


class TestingConfig(Config):
    """Used by the test suite: the database URL and index folder are given by the fixtures."""

    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret-key"


CONFIGS = {"development": Config, "production": ProductionConfig, "testing": TestingConfig}


def config_from_environment():
    return CONFIGS.get(os.environ.get("DIRECTORY_ENV", "development"), Config)
