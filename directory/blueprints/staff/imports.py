"""Importing a spreadsheet from the back office: upload, read the dry run's report, confirm.

The work runs in workflows/import_jobs.py (the same import service as `flask orgs import`); these
pages show its progress, refreshing themselves while it runs, and its report in the page's language.
"""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from directory.blueprints.staff import staff
from directory.extensions import db
from directory.models import ImportJob
from directory.presentation import current_language
from directory.services.organisations.csv_export import CSV_COLUMNS
from directory.workflows import import_jobs
from directory.workflows.import_jobs import ImportRefused


def refusal_message(code):
    return {
        "no_file": gettext("Choose a file to import."),
        "wrong_type": gettext("The file must be a CSV (UTF-8) or an Excel workbook (.xlsx)."),
        "too_large": gettext("The file is larger than %(limit)s MB: split it into smaller files.",
                             limit=import_limit_mb()),
    }[code]


def import_limit_mb():
    return current_app.config["IMPORT_MAX_BYTES"] // (1024 * 1024)


@staff.get("/imports")
def imports():
    return _imports_page()


def _imports_page(refusal=None, status=200):
    return render_template("staff/imports.html", jobs=import_jobs.recent_jobs(), refusal=refusal,
                           limit_mb=import_limit_mb(), columns=", ".join(CSV_COLUMNS)), status


@staff.post("/imports")
def upload_import():
    try:
        job = import_jobs.start_import(request.files.get("spreadsheet"), by=current_user,
                                       allow_duplicates=request.form.get("allow_duplicates") == "1")
    except ImportRefused as refused:
        return _imports_page(refusal_message(refused.code), status=400)
    db.session.commit()
    import_jobs.run_in_background(job)
    return redirect(url_for("staff.import_job", job_id=job.id))


@staff.get("/imports/<int:job_id>")
def import_job(job_id):
    job = db.session.get(ImportJob, job_id) or abort(404)
    return render_template("staff/import_job.html", job=job, progress=import_jobs.progress_of(job),
                           language=current_language())


@staff.post("/imports/<int:job_id>/apply")
def apply_import(job_id):
    job = db.session.get(ImportJob, job_id) or abort(404)
    if not import_jobs.start_applying(job):
        flash(gettext("This import is not waiting for confirmation: see its state below."), "error")
        return redirect(url_for("staff.import_job", job_id=job.id))
    db.session.commit()
    import_jobs.run_in_background(job)
    return redirect(url_for("staff.import_job", job_id=job.id))
