"""Outgoing mail through one interface: files in a folder by default, SMTP when configured.

Messages are queued on the database session and sent only after it commits, so nobody is told about
a change that was rolled back. Bodies come from templates/mail/<name>.txt (Thai first, then English);
the first line of the rendered template is the subject.
"""
import logging
import smtplib
import time
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, localtime, make_msgid
from pathlib import Path

from flask import current_app, render_template
from sqlalchemy.orm import Session

from directory.extensions import db, listen

QUEUE_KEY = "outgoing_mail"
log = logging.getLogger(__name__)


def queue_mail(to, template, **context):
    """Render now (inside the request, so links are absolute) and send after the commit."""
    subject, _, body = render_template(f"mail/{template}.txt", **context).partition("\n")
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject.strip()
    message["Date"] = format_datetime(localtime())
    message["Message-ID"] = make_msgid(domain="directory.local")
    message.set_content(body.lstrip("\n"))
    db.session.info.setdefault(QUEUE_KEY, []).append((message, mailer_for(current_app.config)))
    return message


def mailer_for(config):
    if config.get("SMTP_HOST"):
        return SmtpMailer(config)
    return FolderMailer(Path(config["MAIL_FOLDER"]))


class FolderMailer:
    """Writes each message as an .eml file: what a developer reads, and what the tests inspect."""

    def __init__(self, folder):
        self.folder = folder

    def send(self, message):
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.eml"
        partial = self.folder / f".{name}"
        partial.write_bytes(bytes(message))
        partial.replace(self.folder / name)


class SmtpMailer:
    def __init__(self, config):
        self.config = config

    def send(self, message):
        config = self.config
        with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=30) as smtp:
            if config["SMTP_STARTTLS"]:
                smtp.starttls()
            if config.get("SMTP_USERNAME"):
                smtp.login(config["SMTP_USERNAME"], config["SMTP_PASSWORD"])
            smtp.send_message(message)


def install_mail_hooks():
    """Send the mail a transaction queued once it commits; drop it if it rolls back (create_app)."""
    listen(Session, [("after_commit", _send_queued_mail), ("after_soft_rollback", _drop_queued_mail)])


def _send_queued_mail(session):
    """The change is committed whatever happens here: a failed send is logged (without the address)."""
    for message, mailer in session.info.pop(QUEUE_KEY, []):
        try:
            mailer.send(message)
        except Exception:
            log.exception("could not send mail %s", message["Message-ID"])


def _drop_queued_mail(session, _previous_transaction):
    session.info.pop(QUEUE_KEY, None)
