"""schema.org JSON-LD for profiles and events, so that search engines and link previews read them as
an organisation (NGO) with its address and position, and an event with its days and place.

Only what the public page itself shows goes in: an organisation's published contacts, never anyone's
personal data. An approximate position (the district's centre) is left out rather than passed off as exact.
"""
from directory.links import public_url
from directory.presentation import localized

INSTITUTE = {"@type": "Organization", "name": "สถาบันส่งเสริมและพัฒนาภาคประชาสังคม",
             "alternateName": "Civil Society Promotion Institute"}


def organisation_json_ld(organisation):
    url = public_url("public.organisation", public_id=organisation.public_id, slug=organisation.slug)
    data = {
        "@context": "https://schema.org",
        "@type": "NGO",
        "@id": url,
        "url": url,
        "name": organisation.name_th,
        "alternateName": organisation.name_en or None,
        "description": localized(organisation, "description") or None,
        "address": _address(organisation.address, organisation.district, organisation.province),
        "telephone": organisation.phone or None,
        "email": organisation.email or None,
        "sameAs": [link for link in (organisation.website, organisation.facebook) if link] or None,
        "foundingDate": str(organisation.founded_year) if organisation.founded_year else None,
    }
    if organisation.latitude is not None and not organisation.is_position_approximate:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": organisation.latitude,
                       "longitude": organisation.longitude}
    return _without_empty(data)


def event_json_ld(event):
    url = public_url("public.event", public_id=event.public_id, slug=event.slug)
    venue = localized(event, "venue")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": localized(event, "title"),
        "description": localized(event, "description") or None,
        "startDate": event.starts_on.isoformat() if event.starts_on else None,
        "endDate": (event.ends_on or event.starts_on).isoformat() if event.starts_on else None,
        "eventStatus": "https://schema.org/EventCancelled" if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _without_empty({"@type": "Place", "name": venue or localized(event.province, "name"),
                                    "address": _address(None, event.district, event.province)}),
        "organizer": INSTITUTE,
    }
    return _without_empty(data)


def _address(street, district, province):
    return _without_empty({
        "@type": "PostalAddress", "streetAddress": street or None,
        "addressLocality": localized(district, "name") if district else None,
        "addressRegion": localized(province, "name") if province else None,
        "addressCountry": "TH",
    })


def _without_empty(data):
    return {key: value for key, value in data.items() if value is not None}
