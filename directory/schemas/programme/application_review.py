"""The filters of the staff's application review (the list and its CSV export share them).

An unknown parameter (other than `lang`) or a value outside the choices is a 400, never silently ignored. Blank values
mean "any". The loaded values are what services/event_admin.review_query takes.
"""
import sqlalchemy as sa
from marshmallow import ValidationError, fields, post_load, pre_load, validate, validates

from directory.extensions import db
from directory.models import ApplicationStatus, IssueArea, Province
from directory.schemas.common import QuerySchema
from directory.services.programme.applications import MEDIA_SKILLS

FILTERS = ("status", "province", "interest", "skill", "q")
MAX_QUERY = 200


class ApplicationFilterSchema(QuerySchema):
    status = fields.Enum(ApplicationStatus, by_value=True, load_default=None, allow_none=True)
    province = fields.String(load_default=None, allow_none=True)
    interest = fields.String(load_default=None, allow_none=True)
    skill = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(MEDIA_SKILLS))
    q = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=MAX_QUERY))

    @pre_load
    def blank_is_any(self, data, **_):
        """Blank is any; `lang` belongs to the page (it switches the language), not to the filters."""
        return {key: (value.replace("\x00", "").strip() or None) if isinstance(value, str) else value
                for key, value in data.items() if key != "lang"}

    @validates("province")
    def known_province(self, value, **_):
        if value is not None and db.session.get(Province, value) is None:
            raise ValidationError("Unknown province code.")

    @validates("interest")
    def known_issue_area(self, value, **_):
        if value is not None and not db.session.scalar(sa.select(IssueArea.id).where(IssueArea.slug == value)):
            raise ValidationError("Unknown issue area.")

    @post_load
    def only_given(self, data, **_):
        return {key: value for key, value in data.items() if value is not None}


def describe_filters(filters):
    """The filters as one line for the audit log ("status=selected skill=video"); "all" for none."""
    return " ".join(f"{key}={getattr(value, 'value', value)}" for key, value in sorted(filters.items())) or "all"
