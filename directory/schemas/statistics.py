"""GET /api/v1/statistics: the figures of /statistics, as counts keyed by code or slug."""
from marshmallow import fields

from directory.schemas.common import OutputSchema


class ProgrammeYearSchema(OutputSchema):
    year = fields.Integer(metadata={"description": "Common Era."})
    events = fields.Integer(metadata={"description": "Events held that year (not cancelled)."})
    applicants = fields.Integer()
    participants = fields.Integer(metadata={"description": "Applicants who held a place."})
    works_published = fields.Integer()


class StatisticsSchema(OutputSchema):
    """Public aggregates only: published organisations and programme counts, never a person."""

    total = fields.Integer(metadata={"description": "Published organisations."})
    verified = fields.Integer()
    updated_recently = fields.Integer(metadata={"description": "Changed in the last 365 days."})
    by_province = fields.Dict(keys=fields.String(), values=fields.Integer(), metadata={
        "description": "Province code (DOPA) -> count; provinces without any are left out."})
    by_region = fields.Dict(keys=fields.String(), values=fields.Integer(),
                            metadata={"description": "Region slug -> count."})
    by_issue_area = fields.Dict(keys=fields.String(), values=fields.Integer(),
                                metadata={"description": "Issue area slug -> count."})
    by_type = fields.Dict(keys=fields.String(), values=fields.Integer(),
                          metadata={"description": "Organisation type slug -> count; \"\" for none given."})
    programme = fields.List(fields.Nested(ProgrammeYearSchema), metadata={"description": "Oldest year first."})
