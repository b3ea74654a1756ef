"""POST /api/v1/events/<public_id>/applications: the application form as JSON, for partners' own forms.

No authentication and no CSRF token: like the public form it is open to anyone, and it reads no
cookie or session, so a cross-site request gains nothing a direct one would not. It shares the form's
schema (same fields, same messages) and the form's rate limit per address.

Answers: 201 {"status": "submitted", "private_link": ...}; 400 {"error", "fields"} for invalid fields,
including an email that has applied already (fields.email); 404 for an unknown event; 409
{"error", "status", "window"} outside the application window ("not_yet" or "closed"); 429 when the
address sent too many.
"""
from flask import abort, jsonify, request
from marshmallow import ValidationError

from directory.blueprints.api import api
from directory.blueprints.api.openapi import documented
from directory.blueprints.public.applications import (
    limit_applications,
    send_receipt,
    window_message,
)
from directory.extensions import db
from directory.links import public_url
from directory.schemas.common import NoQuerySchema
from directory.schemas.programme.applications import (
    DUPLICATE_EMAIL,
    ApplicationEventPathSchema,
    ApplicationReceiptSchema,
    ApplicationSchema,
    ApplicationWindowErrorSchema,
)
from directory.services.programme import applications as service
from directory.services.programme.events import ApplicationWindow, application_window, event_by_public_id

NOT_AN_OBJECT = "Send the application as a JSON object."


@api.post("/events/<public_id>/applications")
@limit_applications
@documented("Apply to an event", ApplicationReceiptSchema, path=ApplicationEventPathSchema,
            body=ApplicationSchema, success="201", errors=(
                ("409", "The event takes no applications today (not yet open, or closed).",
                 ApplicationWindowErrorSchema),
                ("429", "Too many applications from this address; try again later.", "Error"),
            ))
def create_application(public_id):
    """The body is a JSON object with the form's fields (consents as true/false, `interests` as issue-area
    slugs, `media_skills` as codes, `province` as a DOPA code). Outside the application window: 409."""
    NoQuerySchema().load(request.args)
    event = event_by_public_id(public_id)
    if event is None:
        abort(404, description="There is no event with this id.")
    window = application_window(event)
    if window is not ApplicationWindow.OPEN:
        return _outside_window(window)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ValidationError({"_schema": [NOT_AN_OBJECT]})
    values = ApplicationSchema(reference_year=service.reference_year(event)).load(body)
    try:
        application, token = service.submit_application(event, values)
    except service.DuplicateApplication:
        raise ValidationError({"email": [DUPLICATE_EMAIL]}) from None
    except service.ApplicationsNotOpen as refused:
        return _outside_window(refused.window)
    link = public_url("public.application", token=token)
    send_receipt(application, event, link)
    db.session.commit()
    return ApplicationReceiptSchema().dump({"status": application.status.value, "private_link": link}), 201


def _outside_window(window):
    return jsonify(error=window_message(window), status=409, window=window.value), 409
