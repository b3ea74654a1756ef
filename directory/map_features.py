"""What the maps draw, as GeoJSON features (static/maps.js reads them): public names, links and positions.

An approximate position (the centre of the district or province, where an organisation gave no point of
its own) carries `radius_m`, and the map draws it as a circle over that area rather than as a pin.
"""
from flask import url_for

from directory.presentation import localized

APPROXIMATE_RADIUS_M = {"district": 8_000, "province": 40_000}
_ID = "PUBLICID"  # a stand-in public id, replaced in a link built once


def organisation_feature(organisation, kind="organisation"):
    """The organisation's point (None without a position); anything with the profile's columns will do."""
    if organisation.latitude is None:
        return None
    return _feature(organisation.latitude, organisation.longitude, kind=kind,
                    radius_m=_approximate_radius(organisation), name=localized(organisation, "name"),
                    url=url_for("public.organisation", public_id=organisation.public_id, slug=organisation.slug))


def result_features(rows):
    """The points of a search's results (rows with the profile's columns), all linked to their profiles.

    Up to MAP_MARKER_LIMIT of them: the profile address is built once and filled in, since building
    each of 2,000 would take longer than the search. The short address (no slug) finds the profile too."""
    link = url_for("public.organisation", public_id=_ID)
    return [_feature(row.latitude, row.longitude, name=localized(row, "name"), url=link.replace(_ID, row.public_id),
                     radius_m=_approximate_radius(row)) for row in rows]


def event_features(event, hosts):
    """The venue (its district's or province's centre: events record no point) and each host with a position."""
    place = event.district or event.province
    venue = _feature(place.latitude, place.longitude, kind="venue",
                     radius_m=APPROXIMATE_RADIUS_M["district" if event.district else "province"],
                     name=localized(event, "venue") or localized(place, "name"))
    hosts = [organisation_feature(host.organisation, kind="host") for host in hosts]
    return [venue, *(host for host in hosts if host)]


def feature_collection(features, **properties):
    return {"type": "FeatureCollection", **properties, "features": [f for f in features if f]}


def _approximate_radius(organisation):
    if not organisation.is_position_approximate:
        return None
    return APPROXIMATE_RADIUS_M["district" if organisation.district_code else "province"]


def _feature(latitude, longitude, **properties):
    """A GeoJSON point; five decimals are a metre, finer than any position we hold."""
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]},
            "properties": {key: value for key, value in properties.items() if value is not None}}
