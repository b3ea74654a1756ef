"""The directory of Thai civil-society organisations: a Flask application."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config=None):
    """Build the application. `config` is a config class or a mapping of overrides."""
    from flask import Flask  # here, so that directory.matching imports without Flask

    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_relative_config=True,
    )
    from directory import setup

    setup.configure_settings(app, config)
    setup.configure_database(app)
    setup.configure_security(app)
    setup.configure_search(app)
    setup.configure_mail(app)
    setup.configure_i18n(app)
    setup.configure_templates(app)
    setup.configure_blueprints(app)
    setup.configure_error_pages(app)
    setup.configure_cli(app)
    return app
