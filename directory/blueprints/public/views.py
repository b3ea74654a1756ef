"""Pages of the public site: home, search results, organisation profiles, province and issue pages.

Only published organisations are ever shown; a draft or archived one is a 404 like an unknown id.
"""
from dataclasses import replace

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from directory.blueprints.lookups import abort_no_organisation
from directory.blueprints.public import public
from directory.blueprints.search_responses import cache_for_visitors, limit_searches
from directory.map_features import feature_collection, organisation_feature, result_features
from directory.models import (
    Organisation,
    Province,
)
from directory.presentation import (
    current_language,
    format_distance,
    localized,
    parameter_label,
    sorted_by_name,
)
from directory.schemas.organisations.filters import LIST_FILTERS, load_filters
from directory.services.organisations.claims import pending_claim
from directory.services.organisations.records import organisation_by_public_id, published_successor
from directory.services.places.gazetteer import AmbiguousPlace, gazetteer
from directory.services.places.reference import reference
from directory.services.programme.events import open_for_applications
from directory.services.programme.hosts import events_hosted_by
from directory.services.search.finder import (
    count_published_by,
    find_organisations,
    find_positions,
)
from directory.services.search.statistics import directory_statistics
from directory.structured_data import organisation_json_ld

PAGING_ARGUMENTS = ("page", "per_page")
NEAR_ARGUMENTS = ("near", "near_district", "radius_km")
RADIUS_CHOICES_KM = (10, 30, 50, 100)
# Codes and slugs are short and plain; anything else is not looked up (PostgreSQL refuses a NUL). Public ids
# have their own rule (models/public_ids.py).


@public.get("/")
def home():
    figures = directory_statistics()  # what /statistics counts, so that the two pages agree
    return render_template(
        "public/home.html",
        regions=reference().regions_in(current_language()),
        province_counts=figures.by_province,
        total=figures.total,
        issue_areas=reference().issue_areas,
        issue_counts=figures.by_issue_area,
        open_events=open_for_applications(),
    )


@public.get("/organisations")
@limit_searches
@cache_for_visitors
def organisations():
    args = _given_arguments(request.args)
    criteria = replace(load_filters(args), name_language=current_language())
    result = find_organisations(criteria)
    return render_template(
        "public/organisations.html",
        criteria=criteria,
        result=result,
        facet_counts=_facet_counts(result),
        active_filters=_active_filters(criteria, args),
        regions=reference().regions_in(current_language()),
        issue_areas=reference().issue_areas,
        organisation_types=reference().types,
        near_district=args.get("near_district", ""),
        radius_choices=_radius_choices(criteria, args),
        district_choices=reference().memo(("district choices", current_language()), _district_choices),
        map_url=url_for("public.organisations_map", **_without_paging(args)),
    )


@public.get("/organisations/map.json")
@limit_searches
@cache_for_visitors
def organisations_map():
    """The positions of a search's results (the first MAP_MARKER_LIMIT of them), for the map on its page."""
    criteria = replace(load_filters(_given_arguments(request.args)), name_language=current_language())
    rows, total = find_positions(criteria, current_app.config["MAP_MARKER_LIMIT"])
    return jsonify(feature_collection(result_features(rows), total=total))


@public.get("/organisations/<public_id>")
@public.get("/organisations/<public_id>/<slug>")
def organisation(public_id, slug=None):
    """Any slug (or none) finds the organisation; the page names the canonical URL, which has the slug."""
    found = organisation_by_public_id(public_id, selectinload(Organisation.issue_areas),
                                      selectinload(Organisation.type),
                                      selectinload(Organisation.province).selectinload(Province.region),
                                      published=True)
    if found is None:
        kept = published_successor(public_id)
        if kept is not None:
            return redirect(url_for("public.organisation", public_id=kept.public_id, slug=kept.slug), 301)
        abort_no_organisation(public_id, published=True)
    waiting_claim = pending_claim(current_user, found) if current_user.is_authenticated else None
    return render_template("public/organisation.html", organisation=found, hosted_events=events_hosted_by(found),
                           waiting_claim=waiting_claim, json_ld=organisation_json_ld(found),
                           map_feature=organisation_feature(found))


@public.get("/provinces/<code>")
def province(code):
    """A province by its MOI code ("91") or its ISO 3166-2 code ("TH-91")."""
    found = reference().province(code)
    if found is None:
        abort(404, description=lazy_gettext("There is no province with the code “%(code)s”.", code=code))
    criteria = _listing_criteria(provinces=(found.code,))
    return render_template(
        "public/province.html",
        province=found,
        district_counts=count_published_by(Organisation.district_code),
        result=find_organisations(criteria),
        search_url=url_for("public.organisations", province=found.code),
    )


@public.get("/issues/<slug>")
def issue_area(slug):
    found = reference().term("issue", slug)
    if found is None:
        abort(404, description=lazy_gettext("There is no issue area called “%(slug)s”.", slug=slug))
    criteria = _listing_criteria(issues=(found.slug,))
    return render_template(
        "public/issue_area.html",
        issue_area=found,
        result=find_organisations(criteria),
        search_url=url_for("public.organisations", issue=found.slug),
    )


def _given_arguments(args):
    """The arguments without the empty ones: the search form sends every field, used or not."""
    return MultiDict([(key, value) for key, value in args.items(multi=True) if value.strip()])


def _without_paging(args):
    return {key: values for key, values in args.to_dict(flat=False).items() if key not in PAGING_ARGUMENTS}


def _facet_counts(result):
    """{"province": {code: count}, "issue_area": {slug: count}} over the whole result, not the page."""
    return {"province": {province.code: count for province, count in result.facets.get("province", ())},
            "issue_area": {area.slug: count for area, count in result.facets.get("issue_area", ())}}


def _radius_choices(criteria, args):
    """[(value, label)] of the distance select; a radius typed into the URL is kept among them."""
    values = {str(km): km for km in RADIUS_CHOICES_KM}
    if criteria.radius_km is not None and criteria.radius_km not in RADIUS_CHOICES_KM:
        values[args["radius_km"]] = criteria.radius_km
    return [(value, gettext("within %(distance)s", distance=format_distance(km))) for value, km in values.items()]


def _district_choices():
    """[(value, label)] the near-district field suggests: districts by name in the page's language.

    The filter resolves a district's name in either language. Where a name fits more than one, the
    suggestion is the code, labelled with the name and province; other labels are left out, as they
    would double the size of every results page.
    """
    places = gazetteer()
    choices = []
    for district in sorted_by_name(places.districts.values()):
        name = localized(district, "name")
        try:
            choices.append((name, None) if places.district(name) else (district.code, name))
        except AmbiguousPlace:
            province = localized(places.provinces[district.province_code], "name")
            choices.append((district.code, f"{name}, {province}"))
    return choices


def _listing_criteria(**fixed):
    """A browse page's criteria: its fixed filter plus the paging arguments, validated like a search's."""
    paging = MultiDict({key: request.args[key] for key in PAGING_ARGUMENTS if key in request.args})
    return replace(load_filters(paging), **fixed)


def _canonical_arguments(criteria, args):
    """The search's arguments as codes and slugs, whatever form the visitor typed them in.

    The place distances are measured from is kept as given (the criteria hold only its position).
    """
    arguments = {
        "province": list(criteria.provinces), "district": list(criteria.districts),
        "region": list(criteria.regions), "issue": list(criteria.issues), "type": list(criteria.types),
    }
    if criteria.q:
        arguments["q"] = criteria.q
    arguments.update({key: args[key] for key in NEAR_ARGUMENTS if key in args})
    if criteria.sort != "relevance":
        arguments["sort"] = criteria.sort
    if "per_page" in args:
        arguments["per_page"] = criteria.per_page
    return arguments


def _active_filters(criteria, args):
    """[(parameter label, value name, URL of the same search without that value)] for the page."""
    places = gazetteer()
    names = {
        "province": lambda code: localized(places.provinces[code], "name"),
        "district": lambda code: localized(places.districts[code], "name"),
        **{kind: _term_name(kind) for kind in ("region", "issue", "type")},
    }
    arguments = _canonical_arguments(criteria, args)
    active = []
    if criteria.q:
        active.append((parameter_label("q"), criteria.q,
                       url_for("public.organisations", **{**arguments, "q": None})))
    for param in LIST_FILTERS:
        for value in arguments[param]:
            without = [other for other in arguments[param] if other != value]
            active.append((parameter_label(param), names[param](value),
                           url_for("public.organisations", **{**arguments, param: without})))
    if criteria.near:
        # Without a place to measure from, a radius and the distance order mean nothing: all go together.
        without_near = {**arguments, **dict.fromkeys(NEAR_ARGUMENTS),
                        "sort": None if criteria.sort == "distance" else arguments.get("sort")}
        active.append((gettext("near"), _near_name(criteria, args, places),
                       url_for("public.organisations", **without_near)))
    return active


def _near_name(criteria, args, places):
    """'ละงู, สตูล' (or the position), with the radius when there is one."""
    district = places.resolve(district=args["near_district"]).district if "near_district" in args else None
    if district:
        name = f"{localized(district, 'name')}, {localized(places.provinces[district.province_code], 'name')}"
    else:
        name = ", ".join(f"{degrees:.4f}" for degrees in criteria.near)
    if criteria.radius_km is None:
        return name
    return gettext("%(place)s, within %(distance)s", place=name, distance=format_distance(criteria.radius_km))


def _term_name(kind):
    def name(slug):
        term = reference().term(kind, slug)
        return localized(term, "name") if term else slug

    return name
