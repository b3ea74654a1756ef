"""Marshmallow schemas per resource, grouped by domain; the shared input fields and the strict base are here."""
