"""The online application to an event, and the applicant's private pages behind their link.

The private pages (/applications/<token>) are the applicant's own: they show their personal data,
so they are never cached, never indexed, and send no Referer to the links on them (a work's URL
would otherwise receive the token). No personal data goes into a flash message, a log or a URL.
"""
from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext, lazy_gettext

from directory.blueprints.attempt_limits import attempt_limits
from directory.blueprints.forms import load_form
from directory.blueprints.lookups import event_or_404
from directory.blueprints.public import public
from directory.extensions import db, limiter
from directory.labels import APPLICATION_STATUS_EXPLANATIONS, LABELS, MEDIA_SKILL_LABELS
from directory.links import public_url
from directory.models import ConsentPurpose, WorkFormat
from directory.schemas.accounts import EmailSchema
from directory.schemas.programme.applications import (
    DUPLICATE_EMAIL,
    ApplicationSchema,
    guardian_errors,
)
from directory.schemas.programme.works import WorkSchema
from directory.services.platform.mailer import queue_mail
from directory.services.programme import applications as service
from directory.services.programme.application_status import IllegalMove, is_final
from directory.services.programme.events import ApplicationWindow, application_window
from directory.services.programme.works import (
    WorkError,
    may_send_works,
    published_file,
    submit_work,
)

TOO_MANY_APPLICATIONS = lazy_gettext("Too many applications from this address. Please try again later.")
NOT_OPEN_YET = "Applications for this event are not open yet."
CLOSED = "Applications for this event are closed."


@public.app_context_processor
def application_labels():
    """The labels of codes the application pages use, for every template (the event page includes the form)."""
    return {"application_labels": {"skills": MEDIA_SKILL_LABELS, "formats": LABELS[WorkFormat],
                                   "consents": LABELS[ConsentPurpose], "statuses": APPLICATION_STATUS_EXPLANATIONS}}


def _application_limit():
    return current_app.config["APPLICATION_LIMIT"]


# One bucket per address for the form and the API together.
limit_applications = limiter.shared_limit(_application_limit, scope="applications", methods=["POST"],
                                          error_message=TOO_MANY_APPLICATIONS)


def window_message(window):
    """The fixed English sentence (Thai in messages.po) for a POST outside the window."""
    return NOT_OPEN_YET if window is ApplicationWindow.NOT_YET else CLOSED


@public.route("/events/<public_id>/apply", methods=["GET", "POST"])
@limit_applications
def apply(public_id):
    """The application form; on success, the private page, saying it was received, with its link (also mailed)."""
    event = event_or_404(public_id)
    window = application_window(event)
    values, errors = {}, {}
    if request.method == "POST" and window is ApplicationWindow.OPEN:
        values, errors = load_form(ApplicationSchema(reference_year=service.reference_year(event)))
        if not errors:
            try:
                application, token = service.submit_application(event, values)
            except service.DuplicateApplication:
                errors = {"email": [DUPLICATE_EMAIL]}
            except service.ApplicationsNotOpen as refused:  # the window closed at midnight, mid-request
                window = refused.window
            else:
                send_receipt(application, event, public_url("public.application", token=token))
                db.session.commit()
                # Post-redirect-get: a reload shows the private page, never the form sent again.
                return _private(redirect(url_for("public.application", token=token, received=1)), 303)
        values = typed_values()
    status = 400 if request.method == "POST" else 200
    return render_template("public/apply.html", event=event, window=window, values=values, errors=errors,
                           **service.application_form_context(event)), status


@public.route("/events/<public_id>/my-link", methods=["GET", "POST"])
@attempt_limits("PRIVATE_LINK_LIMIT")
def link_again(public_id):
    """A lost private link, mailed again (as a new link) to the address on the application. The answer is
    the same whether or not there is one, so the form tells no one who applied."""
    event = event_or_404(public_id)
    values, errors = {}, {}
    if request.method == "POST":
        values, errors = load_form(EmailSchema())
        if not errors:
            renewed = service.renew_link(event, values["email"])
            if renewed:
                application, token = renewed
                queue_mail(application.email, "application_link", application=application, event=event,
                           link=public_url("public.application", token=token))
            db.session.commit()
            return render_template("public/link_sent.html", event=event)
        values = {"email": request.form.get("email", "")}
    return render_template("public/link_again.html", event=event, values=values, errors=errors), \
        400 if errors else 200


def send_receipt(application, event, link):
    """The confirmation mail with the private link (the link is in no log)."""
    queue_mail(application.email, "application_received", application=application, event=event, link=link)


def typed_values(form=None):
    """The form as typed, to show again beside its errors (lists for the checkboxes)."""
    form = request.form if form is None else form
    return {key: (form.getlist(key) if key in ("interests", "media_skills") else form.get(key))
            for key in form if key != "csrf_token"}


def _application_or_404(token):
    application = service.application_for_token(token)
    if application is None:
        abort(404, description=lazy_gettext("This application link is not valid. Please check that you copied "
                                            "all of it."))
    return application


def _private(response, status=200):
    """No cache, no search engine, no Referer: the page's URL is the applicant's key."""
    response = make_response(response, status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def current_values(application):
    """The update form, filled in with what the application holds."""
    values = {field: getattr(application, field) for field in service.DETAIL_FIELDS}
    values.update(province=application.province_code, interests=[area.slug for area in application.interests],
                  media_skills=list(application.media_skills or []))
    for field, purpose in service.CONSENT_FIELDS.items():
        values[field] = application.has_consent(purpose)
    return values


def _private_page(application, status=200, values=None, errors=None, work_values=None, work_errors=None):
    event = application.event
    locked = service.is_locked(application)
    context = service.application_form_context(event, application) if not locked else {}
    return _private(render_template(
        "public/application.html", application=application, event=event,
        status_explanation=APPLICATION_STATUS_EXPLANATIONS[application.status], is_locked=locked,
        is_final=is_final(application.status), may_send_works=may_send_works(application),
        may_be_placed=application.has_consent(ConsentPurpose.SHARE_WITH_HOST),
        may_be_announced=application.has_consent(ConsentPurpose.PUBLISH_NAME),
        form_action=url_for("public.update_application", token=request.view_args["token"]),
        withdrawable_consents=service.WITHDRAWABLE_CONSENTS,
        work_formats=[(f.value, label) for f, label in LABELS[WorkFormat].items()],
        values=values if values is not None else current_values(application), errors=errors or {},
        work_values=work_values or {}, work_errors=work_errors or {},
        private_link=public_url("public.application", token=request.view_args["token"]),
        just_received=request.args.get("received") == "1", **context), status)


@public.get("/applications/<token>")
def application(token):
    return _private_page(_application_or_404(token))


@public.post("/applications/<token>/details")
def update_application(token):
    application = _application_or_404(token)
    if service.is_locked(application):
        flash(gettext("This application can no longer be changed."), "error")
        return redirect(url_for("public.application", token=token))
    year = service.reference_year(application.event)
    values, errors = load_form(ApplicationSchema(partial=True, reference_year=year))
    if not errors:
        merged = {**current_values(application), **values}
        merged["consent_guardian"] = values.get("consent_guardian") or application.has_consent(
            ConsentPurpose.GUARDIAN)
        errors = guardian_errors(merged, year)
    if not errors:
        try:
            service.update_application_details(application, values)
        except service.DuplicateApplication:
            db.session.rollback()
            errors = {"email": [DUPLICATE_EMAIL]}
        else:
            db.session.commit()
            flash(gettext("Your details have been saved."), "success")
            return redirect(url_for("public.application", token=token))
    return _private_page(application, status=400, values=typed_values(), errors=errors)


@public.post("/applications/<token>/withdraw")
def withdraw_application(token):
    application = _application_or_404(token)
    try:
        service.withdraw(application)
    except (service.ApplicationLocked, IllegalMove):
        flash(gettext("This application can no longer be withdrawn."), "error")
    else:
        db.session.commit()
        flash(gettext("Your application has been withdrawn."), "success")
    return redirect(url_for("public.application", token=token))


@public.post("/applications/<token>/consents/<purpose>/withdraw")
def withdraw_consent(token, purpose):
    application = _application_or_404(token)
    try:
        purpose = ConsentPurpose(purpose)
    except ValueError:
        abort(404)
    if purpose not in service.WITHDRAWABLE_CONSENTS:
        abort(404)
    if service.withdraw_consent(application, purpose):
        db.session.commit()
        flash(gettext("Your consent has been withdrawn."), "success")
    return redirect(url_for("public.application", token=token))


@public.get("/applications/<token>/data.json")
def application_data(token):
    application = _application_or_404(token)
    response = _private(current_app.json.response(service.export_own_data(application)))
    response.headers["Content-Disposition"] = 'attachment; filename="my-application.json"'
    return response


@public.post("/applications/<token>/delete")
def delete_application(token):
    application = _application_or_404(token)
    if application.anonymised_at is None:
        service.request_deletion(application)
        db.session.commit()
        flash(gettext("Your personal data has been deleted."), "success")
    return redirect(url_for("public.application", token=token))


@public.post("/applications/<token>/works", endpoint="submit_work")
def submit_work_page(token):
    application = _application_or_404(token)
    values, errors = load_form(WorkSchema())
    if not errors:
        upload = request.files.get("file")
        try:
            submit_work(application, values, upload.stream if upload and upload.filename else None)
        except WorkError as refused:
            errors = {refused.field: [refused.message]}
        else:
            db.session.commit()
            flash(gettext("Thank you: your work has been received."), "success")
            return redirect(url_for("public.application", token=token))
    return _private_page(application, status=400, work_values=typed_values(), work_errors=errors)


@public.get("/works/files/<name>")
def work_file(name):
    """An uploaded work's file, once staff have published the work; a 404 before."""
    found = published_file(name)
    if found is None:
        abort(404)
    path, content_type = found
    return send_file(path, mimetype=content_type, max_age=3600)
