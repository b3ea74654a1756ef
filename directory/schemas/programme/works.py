"""A media work sent through the private link (the file, if any, is checked by services/programme/works.py)."""
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates

from directory.models import WorkFormat
from directory.schemas.programme.applications import NOT_TEXT, REQUIRED, TOO_LONG, UNKNOWN_FIELD

UNKNOWN_FORMAT = "Please choose a format from the list."
INVALID_URL = "Please enter a web address starting with http:// or https://."


class WorkSchema(Schema):
    class Meta:
        unknown = RAISE

    error_messages = {"unknown": UNKNOWN_FIELD}

    title = fields.String(required=True, validate=validate.Length(max=300, error=TOO_LONG),
                          error_messages={"required": REQUIRED, "invalid": NOT_TEXT, "null": REQUIRED})
    format = fields.String(required=True, validate=validate.OneOf([f.value for f in WorkFormat], error=UNKNOWN_FORMAT),
                           error_messages={"required": REQUIRED, "invalid": UNKNOWN_FORMAT, "null": REQUIRED})
    url = fields.String(allow_none=True, error_messages={"invalid": INVALID_URL})
    description = fields.String(allow_none=True, validate=validate.Length(max=2000, error=TOO_LONG),
                                error_messages={"invalid": NOT_TEXT})

    @pre_load
    def blank_is_not_given(self, data, **_):
        if not isinstance(data, dict):
            return data
        return {name: value.strip() if isinstance(value, str) else value for name, value in data.items()
                if not (isinstance(value, str) and not value.strip())}

    @validates("url")
    def web_address(self, value, **_):
        if value is None:
            return
        checker = validate.URL(schemes={"http", "https"}, require_tld=True, error=INVALID_URL)
        if len(value) > 500:
            raise ValidationError(TOO_LONG)
        checker(value)
