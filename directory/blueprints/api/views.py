"""The read API: published organisations and the reference data to filter them by.

Every input goes through a schema that refuses what it does not know; every output through a schema
of public fields. Errors are JSON (blueprints/errors.py): 400 with `fields`, 404 with `error`.
"""
from flask import abort, current_app, jsonify, request
from marshmallow import ValidationError
from sqlalchemy.orm import selectinload

from directory.blueprints.api import api
from directory.blueprints.api.openapi import build_document, documented
from directory.blueprints.search_responses import cache_for_visitors, limit_searches
from directory.models import Organisation
from directory.schemas.common import NoQuerySchema
from directory.schemas.organisations.filters import load_filters
from directory.schemas.organisations.output import (
    OrganisationPageSchema,
    OrganisationPathSchema,
    OrganisationQuerySchema,
    OrganisationSchema,
)
from directory.schemas.places.geography import (
    DistrictListSchema,
    ProvinceListSchema,
    ProvincePathSchema,
    RegionListSchema,
)
from directory.schemas.places.taxonomies import IssueAreaListSchema, OrganisationTypeListSchema
from directory.schemas.statistics import StatisticsSchema
from directory.services.organisations.records import organisation_by_public_id
from directory.services.places.reference import reference
from directory.services.search.finder import find_organisations
from directory.services.search.statistics import directory_statistics


@api.get("/organisations")
@limit_searches
@cache_for_visitors
@documented("Published organisations, filtered and paged", OrganisationPageSchema, query=OrganisationQuerySchema)
def list_organisations():
    """In the finder's order (by relevance when `q` is given). Places, issue areas and types may be
    given by code, slug, Thai or English name."""
    criteria = load_filters(request.args, OrganisationQuerySchema())
    return OrganisationPageSchema().dump(find_organisations(criteria))


@api.get("/organisations/<public_id>")
@documented("One published organisation", OrganisationSchema, path=OrganisationPathSchema)
def get_organisation(public_id):
    """A draft, archived or unknown organisation is a 404 alike."""
    NoQuerySchema().load(request.args)
    public_id = _load_path(OrganisationPathSchema, public_id=public_id)["public_id"]
    organisation = organisation_by_public_id(
        public_id, selectinload(Organisation.issue_areas), selectinload(Organisation.province),
        selectinload(Organisation.type), selectinload(Organisation.district), published=True)
    if organisation is None:
        abort(404, description="There is no published organisation with this id.")
    response = jsonify(OrganisationSchema().dump(organisation))
    response.set_etag(str(organisation.version), weak=True)
    return response


@api.get("/regions")
@documented("Thailand's regions", RegionListSchema)
def list_regions():
    NoQuerySchema().load(request.args)
    return RegionListSchema().dump({"items": reference().regions})


@api.get("/provinces")
@documented("The 77 provinces, each with its region", ProvinceListSchema)
def list_provinces():
    """Ordered by DOPA code."""
    NoQuerySchema().load(request.args)
    return ProvinceListSchema().dump({"items": reference().provinces})


@api.get("/provinces/<code>/districts")
@documented("The districts of one province", DistrictListSchema, path=ProvincePathSchema)
def list_districts(code):
    """The province by its DOPA code ('91') or ISO 3166-2 code ('TH-91'); districts ordered by code."""
    NoQuerySchema().load(request.args)
    code = _load_path(ProvincePathSchema, code=code)["code"]
    province = reference().province(code)
    if province is None:
        abort(404, description="There is no province with this code.")
    return DistrictListSchema().dump({"items": province.districts})


@api.get("/issue-areas")
@documented("Issue areas organisations work on", IssueAreaListSchema)
def list_issue_areas():
    NoQuerySchema().load(request.args)
    return IssueAreaListSchema().dump({"items": reference().issue_areas})


@api.get("/organisation-types")
@documented("Kinds of organisation", OrganisationTypeListSchema)
def list_organisation_types():
    NoQuerySchema().load(request.args)
    return OrganisationTypeListSchema().dump({"items": reference().types})


@api.get("/statistics")
@documented("The directory in figures", StatisticsSchema)
def get_statistics():
    """What /statistics shows: published organisations by province, region, issue area and type, and the
    We Are CSO programme by year."""
    NoQuerySchema().load(request.args)
    return StatisticsSchema().dump(directory_statistics())


@api.get("/openapi.json")
@documented("This document", {"type": "object", "description": "An OpenAPI 3.0 document."})
def openapi_document():
    """Generated from the registered routes and their schemas."""
    NoQuerySchema().load(request.args)
    if "openapi_document" not in current_app.extensions:
        current_app.extensions["openapi_document"] = build_document(current_app)
    return current_app.extensions["openapi_document"]


def _load_path(schema, **values):
    """A path value that cannot be an identifier names nothing: 404, as for an unknown one."""
    try:
        return schema().load(values)
    except ValidationError:
        abort(404, description="There is nothing here with this identifier.")
