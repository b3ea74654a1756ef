"""Schemas of We Are CSO events as the public API shows them: dates in ISO 8601, the status the dates give.

Public fields only. Applicants appear solely as the display name on a published work, and only when
they agreed to have their name published; no contact, birth year, health note or guardian, ever.
"""
from marshmallow import fields, validate

from directory.links import public_url
from directory.models import WorkFormat
from directory.models.public_ids import PUBLIC_ID_PATTERN
from directory.schemas.common import OutputSchema, QuerySchema, UTCDateTime
from directory.schemas.organisations.output import _OwnColumns
from directory.schemas.places.geography import DistrictSchema, ProvinceSchema
from directory.schemas.places.taxonomies import IssueAreaSchema
from directory.services.programme.events import ApplicationWindow, EventStatus, application_window, event_status


class EventQuerySchema(QuerySchema):
    status = fields.String(
        validate=validate.OneOf([status.value for status in EventStatus]),
        metadata={"description": "Only events with this status today (Asia/Bangkok)."},
    )


class EventPathSchema(QuerySchema):
    public_id = fields.String(
        required=True,
        validate=validate.Regexp(PUBLIC_ID_PATTERN),
        metadata={"description": "The event's public id, e.g. 'k7m2x9qa'."},
    )


class OrganiserContactSchema(OutputSchema):
    """The organisers' public contact channels (the programme publishes these; they are not a person's)."""

    email = fields.String(attribute="organiser_email", allow_none=True)
    phone = fields.String(attribute="organiser_phone", allow_none=True)
    line_id = fields.String(attribute="organiser_line_id", allow_none=True)


def _date(description):
    return fields.Date(allow_none=True, metadata={"description": f"{description} (ISO 8601, Asia/Bangkok)."})


def event_url(event):
    return public_url("public.event", public_id=event.public_id, slug=event.slug)


class EventSchema(OutputSchema):
    id = fields.String(attribute="public_id", metadata={"description": "The public id."})
    slug = fields.String()
    url = fields.Function(event_url, metadata={
        "type": "string", "format": "uri", "description": "The event's page on the public site."})
    round_number = fields.Integer(allow_none=True)
    title_th = fields.String()
    title_en = fields.String(allow_none=True)
    description_th = fields.String(allow_none=True)
    description_en = fields.String(allow_none=True)
    status = fields.Function(lambda event: event_status(event).value, metadata={
        "type": "string", "enum": [status.value for status in EventStatus],
        "description": "What the dates give today in Asia/Bangkok, or cancelled."})
    application_window = fields.Function(lambda event: application_window(event).value, metadata={
        "type": "string", "enum": [window.value for window in ApplicationWindow],
        "description": "Whether applications are not yet open, open or closed today (Asia/Bangkok)."})
    is_cancelled = fields.Boolean()
    is_demo = fields.Boolean(metadata={"description": "True for made-up demonstration data."})
    province = fields.Nested(ProvinceSchema)
    district = fields.Nested(DistrictSchema, allow_none=True)
    venue_th = fields.String(allow_none=True)
    venue_en = fields.String(allow_none=True)
    starts_on = _date("First day")
    ends_on = _date("Last day")
    applications_open_on = _date("First day applications are taken")
    applications_close_on = _date("Last day applications are taken")
    announce_on = _date("Day the selected participants are announced")
    works_due_on = _date("Last day for participants' media works")
    period_starts_on = _date("Start of the period the event falls in, when its days are not known")
    period_ends_on = _date("End of that period")
    min_participants = fields.Integer(allow_none=True)
    max_participants = fields.Integer(allow_none=True)
    what_to_bring_th = fields.String(allow_none=True)
    what_to_bring_en = fields.String(allow_none=True)
    organiser = _OwnColumns(OrganiserContactSchema)


class EventListSchema(OutputSchema):
    items = fields.List(fields.Nested(EventSchema))


class HostOrganisationSchema(OutputSchema):
    id = fields.String(attribute="public_id", metadata={"description": "The organisation's public id."})
    name_th = fields.String()
    name_en = fields.String(allow_none=True)
    url = fields.Function(
        lambda organisation: public_url("public.organisation", public_id=organisation.public_id,
                                        slug=organisation.slug),
        metadata={"type": "string", "format": "uri", "description": "The organisation's public profile."})


class HostSchema(OutputSchema):
    organisation = fields.Nested(HostOrganisationSchema)
    capacity = fields.Integer(metadata={"description": "How many participants it can take."})
    issue_areas = fields.List(fields.Nested(IssueAreaSchema))
    activities_th = fields.String(allow_none=True)
    activities_en = fields.String(allow_none=True)


def _work_file_url(work):
    if not work.file_name:
        return None
    return public_url("public.work_file", name=work.file_name)


class PublishedWorkSchema(OutputSchema):
    title = fields.String()
    format = fields.Enum(WorkFormat, by_value=True)
    url = fields.String(allow_none=True, metadata={"description": "Where the work is published, if a link."})
    file_url = fields.Function(_work_file_url, metadata={
        "type": "string", "format": "uri", "nullable": True, "description": "The uploaded file, if one."})
    description = fields.String(allow_none=True)
    author = fields.Function(lambda work: work.application.public_name, metadata={
        "type": "string", "nullable": True,
        "description": "The author's display name; null unless they agreed to have it published."})
    is_featured = fields.Boolean()
    published_at = UTCDateTime(allow_none=True)


class EventDetailSchema(EventSchema):
    """An event with its host organisations and its participants' published media works.

    Dumps a PublicEvent (blueprints/api/events.py), whose `hosts` and `works` are the public ones.
    """

    hosts = fields.List(fields.Nested(HostSchema))
    works = fields.List(fields.Nested(PublishedWorkSchema))
