"""Forms of the account pages: sign-up, sign-in, password reset and API tokens.

Messages are fixed English sentences: the form macros translate them (their Thai is in messages.po).
Emails and names are stripped; passwords are taken exactly as typed (spaces are allowed in them).
"""
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema

from directory.services.accounts.passwords import password_problems

REQUIRED = "Please fill in this field."
TOO_LONG = "This text is too long."
INVALID_EMAIL = "Please enter a valid email address."
# One sentence per rule in services/passwords.password_problems, keyed by its code.
PASSWORD_PROBLEMS = {
    "too_short": "This password is too short.",
    "too_common": "This password is too common. Please choose another.",
    "like_email": "The password must not be the name in your email address.",
}
PASSWORD_MAX_LENGTH = 1000  # hashing a megabyte-long password is a cheap way to tie up a server


class AccountFormSchema(Schema):
    """A posted form: unknown names are refused; blank or space-only values count as missing."""

    class Meta:
        unknown = RAISE

    @pre_load
    def blank_is_missing(self, data, **_):
        cleaned = {}
        for name, value in data.items():
            if isinstance(value, str) and not value.strip():
                continue
            if isinstance(value, str) and name not in ("password", "new_password"):
                value = value.strip()
            cleaned[name] = value
        return cleaned


def email_field():
    return fields.Email(required=True, validate=validate.Length(max=254, error=TOO_LONG),
                        error_messages={"required": REQUIRED, "invalid": INVALID_EMAIL})


def password_field():
    return fields.String(required=True, validate=validate.Length(max=PASSWORD_MAX_LENGTH, error=TOO_LONG),
                         error_messages={"required": REQUIRED})


def new_password_errors(password, email=None):
    """The form messages for a new password that services/passwords refuses; empty when it is fine."""
    return [PASSWORD_PROBLEMS[code] for code, _ in password_problems(password, email=email)]


class SignUpSchema(AccountFormSchema):
    email = email_field()
    password = password_field()
    display_name = fields.String(required=True, validate=validate.Length(max=200, error=TOO_LONG),
                                 error_messages={"required": REQUIRED})

    @validates_schema(skip_on_field_errors=False)
    def password_is_strong(self, data, **_):
        messages = new_password_errors(data["password"], email=data.get("email")) if "password" in data else []
        if messages:
            raise ValidationError(messages, field_name="password")


class LoginSchema(AccountFormSchema):
    """Any text is accepted as the email: a malformed one simply matches no account."""

    email = fields.String(required=True, validate=validate.Length(max=254, error=TOO_LONG),
                          error_messages={"required": REQUIRED})
    password = password_field()


class EmailSchema(AccountFormSchema):
    """The forgotten-password form."""

    email = email_field()


class NewPasswordSchema(AccountFormSchema):
    """The reset form; the view adds new_password_errors, which need the account's email."""

    password = password_field()


class ApiTokenSchema(AccountFormSchema):
    name = fields.String(required=True, validate=validate.Length(max=100, error=TOO_LONG),
                         error_messages={"required": REQUIRED})
