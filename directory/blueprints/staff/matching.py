"""The back office's matching of an event's participants with its hosts, and the hosts' rosters.

The matching page runs the engine on every GET (services/placements; it takes milliseconds) and shows
the suggestion beside the rules staff set. Pins, forbids and moves by hand are rules saved at once; the
suggestion is saved only by "accept", which re-runs it and refuses when it is no longer the one shown
(the form carries its fingerprint). Optional weights come in the query string and ride along in every
form, so a re-run uses the weights the page was shown with.

The matching page shows home provinces and the rosters show contacts: personal data, so each view and
export writes the audit log (services/privacy).
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user

from directory.blueprints.audited import audited
from directory.blueprints.lookups import event_or_404
from directory.blueprints.staff import staff
from directory.blueprints.staff.downloads import spreadsheet_download
from directory.blueprints.staff.events import host_or_404
from directory.extensions import db
from directory.matching import Weights
from directory.matching.model import PARTS
from directory.models import Application, ConsentPurpose
from directory.presentation import localized
from directory.services.places.gazetteer import gazetteer
from directory.services.programme.applications import is_minor, reference_year
from directory.services.programme.placements import (
    PlacementError,
    accept_placements,
    accepted_by,
    clear_rule,
    move_by_hand,
    set_rule,
    suggest_placements,
)
from directory.services.programme.placements import (
    host_roster as roster_of,
)

WEIGHT_FIELDS = (*PARTS, "travel_max_km")
ROSTER_COLUMNS = ("display_name", "full_name", "nickname", "phone", "line_id", "email", "guardian_name",
                  "guardian_contact", "shares_contact_with_host")


def unplaced_reason(code):
    return {
        "no_hosts": gettext("The event has no host organisations yet."),
        "no_capacity": gettext("No host this participant may go to has a place left."),
        "not_enough_places": gettext("Not enough places: the places this participant could take went to others, "
                                     "so that as many people as possible are placed with the best total fit."),
        "all_hosts_forbidden": gettext("This participant is forbidden from every host."),
        "conflicting_pins": gettext("This participant is pinned to more than one host; keep one pin."),
        "pin_to_unknown_host": gettext("This participant is pinned to an organisation that does not host this "
                                       "event."),
        "pin_forbidden": gettext("This participant is both pinned to and forbidden from the same host; remove "
                                 "one of them."),
        "pinned_host_full": gettext("This participant is pinned to a host whose places are already taken by "
                                    "other pins."),
        "no_share_consent": gettext("Cannot be placed: no consent to share contact with a host."),
    }.get(code, gettext("This participant could not be placed."))


def notice_message(notice, name):
    """A notice of the engine in the reader's language; `name` names the participant or host."""
    return {
        "no_interests": gettext("%(name)s named no issue areas of interest, so shared issue areas count 0 at "
                                "every host.", name=name),
        "participant_without_location": gettext("%(name)s has no home province, so travel counts 0 at every "
                                                "host.", name=name),
        "host_without_location": gettext("The host %(name)s has no map position, so travel to it counts 0.",
                                         name=name),
        "minimum_above_capacity": gettext("The host %(name)s asks for more participants than it has places.",
                                          name=name),
    }.get(notice.code, gettext("A pin or forbid names someone who is no longer matched; it was ignored."))


def rule_refusal(code):
    return {
        "no_share_consent": gettext("This applicant did not agree to share their contact with a host, so they "
                                    "cannot be pinned."),
        "not_selected": gettext("Only selected or confirmed applicants are placed."),
        "unknown_kind": gettext("Unknown rule."),
    }.get(code, gettext("The change was refused."))


@staff.get("/events/<public_id>/matching")
def matching(public_id):
    event = event_or_404(public_id)
    weights, weights_refused = _weights(request.args)
    suggestion = suggest_placements(event, weights)
    by, when = accepted_by(suggestion)
    without_consent = {item.participant_id for item in suggestion.without_consent}
    return audited(render_template(
        "staff/matching.html", event=event, suggestion=suggestion, result=suggestion.result,
        accepted_by=by, accepted_at=when, weights=weights, weights_refused=weights_refused,
        weight_args=_weight_args(request.args), unplaced_reason=unplaced_reason, notices=_notices(suggestion),
        matched=[a for a in suggestion.applications.values() if a.id not in without_consent],
        issue_area_names={area.slug: localized(area, "name") for a in suggestion.applications.values()
                          for area in a.interests},
        province_names={code: localized(place, "name") for code, place in gazetteer().provinces.items()},
    ), "view_matching", event=event,
        detail=f"participants={len(suggestion.applications)} hosts={len(suggestion.hosts)}")


@staff.post("/events/<public_id>/matching/rules")
def match_rule(public_id):
    event = event_or_404(public_id)
    application, host = _pair_or_404(event)
    kind = request.form.get("kind", "")
    try:
        if kind == "clear":
            clear_rule(event, application, host)
        else:
            set_rule(event, application, host, kind, by=current_user._get_current_object())
    except PlacementError as refusal:
        db.session.rollback()
        flash(rule_refusal(refusal.code), "error")
        return _back(event)
    db.session.commit()
    flash({"pin": gettext("Pinned: %(name)s goes to %(host)s in every run.", name=application.display_name,
                          host=localized(host.organisation, 'name')),
           "forbid": gettext("Forbidden: %(name)s never goes to %(host)s.", name=application.display_name,
                             host=localized(host.organisation, 'name'))}
          .get(kind, gettext("The rule was removed.")), "success")
    return _back(event)


@staff.post("/events/<public_id>/matching/move")
def move_participant(public_id):
    event = event_or_404(public_id)
    application, host = _pair_or_404(event)
    try:
        move_by_hand(application, host, by=current_user._get_current_object())
    except PlacementError as refusal:
        db.session.rollback()
        flash(rule_refusal(refusal.code), "error")
        return _back(event)
    db.session.commit()
    flash(gettext("Moved by hand: %(name)s is now pinned to %(host)s.", name=application.display_name,
                  host=localized(host.organisation, 'name')), "success")
    return _back(event)


@staff.post("/events/<public_id>/matching/accept")
def accept_matching(public_id):
    """Re-run the suggestion and save it, unless it is no longer the one the page showed."""
    event = event_or_404(public_id)
    weights, _ = _weights(request.form)
    suggestion = suggest_placements(event, weights)
    if request.form.get("fingerprint") != suggestion.fingerprint:
        flash(gettext("The suggestion changed since it was shown (someone changed a rule, a host or an "
                      "applicant). Nothing was saved: review the new suggestion and accept again."), "error")
        return _back(event)
    placed = accept_placements(event, suggestion, by=current_user._get_current_object())
    db.session.commit()
    flash(gettext("The placement was accepted: %(placed)d of %(total)d participants placed.", placed=placed,
                  total=len(suggestion.applications)), "success")
    return _back(event)


@staff.get("/events/<public_id>/hosts/<int:host_id>/roster")
def host_roster(public_id, host_id):
    """A printable list of the host's participants with the contacts staff need on the day."""
    event = event_or_404(public_id)
    host = host_or_404(event, host_id)
    people = _roster_rows(event, host)
    return audited(render_template("staff/host_roster.html", event=event, host=host, people=people), "host_roster",
                   event=event, detail=f"host {host.organisation.public_id}: {len(people)} participants")


@staff.get("/events/<public_id>/hosts/<int:host_id>/roster.csv")
def host_roster_csv(public_id, host_id):
    """The same roster as UTF-8 with a BOM, cells that a spreadsheet would run as formulas defused."""
    event = event_or_404(public_id)
    host = host_or_404(event, host_id)
    people = _roster_rows(event, host)
    download = spreadsheet_download(ROSTER_COLUMNS,
                                    ([person[column] for column in ROSTER_COLUMNS] for person in people),
                                    f"roster-{event.public_id}-{host.id}.csv")
    return audited(download, "export_host_roster", event=event,
                   detail=f"host {host.organisation.public_id}: rows={len(people)}")


def _roster_rows(event, host):
    """One dict per participant; the guardian's contact only for a minor, whom staff reach through them."""
    year = reference_year(event)
    rows = []
    for application in roster_of(host):
        minor = is_minor(application.birth_year, year)
        rows.append({
            "display_name": application.display_name, "full_name": application.full_name,
            "nickname": application.nickname, "phone": application.phone, "line_id": application.line_id,
            "email": application.email, "is_minor": minor,
            "guardian_name": application.guardian_name if minor else None,
            "guardian_contact": application.guardian_contact if minor else None,
            "shares_contact_with_host": "yes" if application.has_consent(ConsentPurpose.SHARE_WITH_HOST) else "no",
        })
    return rows


def _notices(suggestion):
    """The engine's notices worth showing, in the reader's language, each once."""
    shown = []
    for notice in suggestion.result.notices:
        if notice.participant_id is not None and notice.participant_id in suggestion.applications:
            name = suggestion.applications[notice.participant_id].display_name
        elif notice.host_id is not None and notice.host_id in suggestion.hosts:
            name = localized(suggestion.hosts[notice.host_id].organisation, 'name')
        else:
            name = ""
        message = notice_message(notice, name)
        if message not in shown:
            shown.append(message)
    return shown


def _weights(source):
    """The weights named in `source` over the engine's defaults; (Weights, refused?)."""
    values = {}
    for name in WEIGHT_FIELDS:
        text = (source.get(name) or "").strip()
        if text:
            try:
                values[name] = float(text)
            except ValueError:
                return Weights(), True
    try:
        return Weights(**values), False
    except ValueError:
        return Weights(), True


def _weight_args(source):
    return {name: source[name] for name in WEIGHT_FIELDS if (source.get(name) or "").strip()}


def _back(event):
    return redirect(url_for("staff.matching", public_id=event.public_id, **_weight_args(request.form)), 303)


def _pair_or_404(event):
    application_id, host_id = request.form.get("application_id", ""), request.form.get("host_id", "")
    application = db.session.get(Application, int(application_id)) if application_id.isdigit() else None
    if application is None or application.event_id != event.id:
        abort(404, description=lazy_gettext("There is no application with this number."))
    return application, host_or_404(event, host_id)
