"""HTML forms validated by the same marshmallow schemas as the API.

A form post becomes the dict the schema loads: list fields take every value sent, the CSRF token
(checked by Flask-WTF before the view runs) is left out, and any other unknown name stays in, so the
schema refuses it (no mass assignment through an added <input>).
"""
from flask import request
from marshmallow import ValidationError, fields


def form_data(schema, form=None):
    form = request.form if form is None else form
    list_keys = {field.data_key or name for name, field in schema.fields.items() if isinstance(field, fields.List)}
    return {key: form.getlist(key) if key in list_keys else form[key] for key in form if key != "csrf_token"}


def load_form(schema, form=None):
    """(values, {}) when the form is valid, else (None, {field: [messages]}) to show beside the fields."""
    try:
        return schema.load(form_data(schema, form)), {}
    except ValidationError as error:
        return None, error.messages
