"""The configure_* steps create_app runs, one concern each."""
import secrets
import sqlite3
from pathlib import Path

from flask import Flask, request, session
from sqlalchemy.engine import Engine

from directory.config import Config, config_from_environment
from directory.extensions import babel, csrf, db, listen, migrate
from directory.rate_limit_storage import with_fallback


class ConfigurationError(RuntimeError):
    pass


def configure_settings(app: Flask, config=None):
    app.config.from_object(config_from_environment())
    if isinstance(config, type):
        app.config.from_object(config)
    elif config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'directory.sqlite3'}"
    if not app.config.get("SEARCH_INDEX_DIR"):
        app.config["SEARCH_INDEX_DIR"] = str(Path(app.instance_path) / "search-index")
    for setting, folder in (("UPLOAD_DIR", "uploads"), ("MAIL_FOLDER", "mail")):
        if not app.config.get(setting):
            app.config[setting] = str(Path(app.instance_path) / folder)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _development_secret_key(app)
    if app.config["PREFERRED_URL_SCHEME"] == "https":
        # Decided after the overrides: config.py's class attribute only ever sees the environment.
        app.config["SESSION_COOKIE_SECURE"] = app.config["REMEMBER_COOKIE_SECURE"] = True
    if app.config["ENV_NAME"] == "production":
        _refuse_unsafe_production(app)
    if not app.config.get("PUBLIC_BASE_URL"):
        app.config["PUBLIC_BASE_URL"] = DEVELOPMENT_BASE_URL
    app.config["RATELIMIT_STORAGE_URI"] = with_fallback(app.config.get("RATELIMIT_STORAGE_URI"))


MIN_SECRET_KEY_LENGTH = 32
DEVELOPMENT_BASE_URL = "http://127.0.0.1:5000"  # where `make run` serves


def _refuse_unsafe_production(app):
    """Debug mode runs code sent by the browser; a short or sample key lets anyone forge sessions;
    without its public address the app could only guess the links it mails."""
    if app.debug or app.config.get("DEBUG"):
        raise ConfigurationError("debug mode must be off in production")
    if not app.config.get("PUBLIC_BASE_URL"):
        raise ConfigurationError("PUBLIC_BASE_URL must be set in production (e.g. https://directory.example.org)")
    key = app.config["SECRET_KEY"]
    if len(key) < MIN_SECRET_KEY_LENGTH or key in {"testing-secret-key", "change-me", "secret", "dev"}:
        raise ConfigurationError(f"SECRET_KEY must be a random value of at least {MIN_SECRET_KEY_LENGTH} characters")


def _development_secret_key(app):
    """Outside production, generate a key once and keep it in the instance folder."""
    if app.config["ENV_NAME"] == "production":
        raise ConfigurationError("SECRET_KEY must be set in production")
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _tune_sqlite(dbapi_connection, _record):
    """WAL lets readers go on while one process writes; the busy timeout waits for that writer."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def configure_database(app: Flask):
    """The engine's options, the SQLite settings of each new connection, and every table registered."""
    import directory.models  # noqa: F401  (registers every table with the metadata)

    listen(Engine, [("connect", _tune_sqlite)])
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))


def engine_options(config):
    """Connections that fail fast and errors that never log their parameters (personal data).

    A database that stops answering would otherwise hold every worker for the length of a TCP
    timeout; a failed statement's log would carry an applicant's name, email and phone.
    """
    options = {"pool_pre_ping": True, "hide_parameters": True, "pool_timeout": config["DATABASE_POOL_TIMEOUT_S"],
               **config.get("SQLALCHEMY_ENGINE_OPTIONS", {})}
    if config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        statement_ms, lock_ms = config["DATABASE_STATEMENT_TIMEOUT_S"] * 1000, config["DATABASE_LOCK_TIMEOUT_S"] * 1000
        options["connect_args"] = {"connect_timeout": config["DATABASE_CONNECT_TIMEOUT_S"],
                                   "options": f"-c statement_timeout={statement_ms} -c lock_timeout={lock_ms}",
                                   **options.get("connect_args", {})}
    return options


def select_locale():
    """?lang= switches the language and remembers it; Thai is the default."""
    wanted = request.args.get("lang")
    if wanted in Config.LANGUAGES:
        session["lang"] = wanted
        return wanted
    return session.get("lang", Config.BABEL_DEFAULT_LOCALE)


def configure_security(app: Flask):
    """Sign-in, CSRF on every form, rate limits, the proxy's client address and the security headers."""
    from directory import security

    security.register(app)


def configure_search(app: Flask):
    """Record every change for the index as it commits, and load the Thai dictionary now, not in a request."""
    from directory.services.search.sync import install_outbox_hooks
    from search_index import load_thai_segmenter

    install_outbox_hooks()
    load_thai_segmenter()


def configure_mail(app: Flask):
    """Mail queued in a transaction is sent once it commits."""
    from directory.services.platform.mailer import install_mail_hooks

    install_mail_hooks()


TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
SOURCE_LANGUAGE = "en"  # the msgids: needs no catalogue


def configure_i18n(app: Flask):
    require_compiled_catalogues(TRANSLATIONS_DIR)
    babel.init_app(app, locale_selector=select_locale, default_translation_directories=str(TRANSLATIONS_DIR))


def require_compiled_catalogues(translations_dir: Path):
    """Without its .mo file a language silently falls back to the English msgids, under lang="th"."""
    for language in Config.LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        catalogue = translations_dir / language / "LC_MESSAGES" / "messages.mo"
        if not catalogue.is_file():
            raise ConfigurationError(
                f"the {language} catalogue is not compiled ({catalogue} is missing): "
                f"run `pybabel compile -d {translations_dir}` (or `make translations`)"
            )


def configure_templates(app: Flask):
    from directory import presentation

    presentation.register(app)


def configure_blueprints(app: Flask):
    from directory.blueprints.account import account
    from directory.blueprints.api import api
    from directory.blueprints.health import health
    from directory.blueprints.public import public
    from directory.blueprints.staff import staff

    app.register_blueprint(health)
    app.register_blueprint(public)
    app.register_blueprint(account, url_prefix="/account")
    app.register_blueprint(staff, url_prefix="/staff")
    app.register_blueprint(api, url_prefix="/api/v1")
    # The API checks CSRF itself, and only for callers who use the session cookie (blueprints/api/auth.py).
    csrf.exempt(api)


def configure_error_pages(app: Flask):
    from directory.blueprints import errors

    errors.register(app)


def configure_cli(app: Flask):
    from directory import cli

    cli.register(app)

