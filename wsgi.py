"""The WSGI entry point: `app` for gunicorn or `flask --app wsgi run`."""
from directory import create_app

app = create_app()
