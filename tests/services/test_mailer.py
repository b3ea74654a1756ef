"""The mailer: messages go out only after the commit, to files by default, or to a real SMTP server."""
import email
import email.policy
import logging
import socket
import socketserver
import threading

import pytest

from directory.extensions import db
from directory.services.platform.mailer import FolderMailer, SmtpMailer, mailer_for, queue_mail


class FakeSmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) to accept one message: what a real server would receive is kept. With the
    server's `refuses` set it accepts the login, then refuses the message (a full mailbox, a policy...)."""

    def handle(self):
        self.wfile.write(b"220 test ESMTP\r\n")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith("EHLO"):
                self.wfile.write(b"250-test\r\n250 AUTH PLAIN\r\n")
            elif command.startswith("AUTH"):
                self.wfile.write(b"235 2.7.0 accepted\r\n")
            elif command.startswith("MAIL FROM") and self.server.refuses:
                self.wfile.write(b"554 5.7.1 refused\r\n")
            elif command.startswith(("MAIL FROM", "RCPT TO")):
                self.server.envelope.append(line.decode().strip())
                self.wfile.write(b"250 OK\r\n")
            elif command == "DATA":
                self.wfile.write(b"354 go on\r\n")
                body = b"".join(iter(lambda: self.rfile.readline(), b".\r\n"))
                self.server.messages.append(body.decode())
                self.wfile.write(b"250 queued\r\n")
            elif command == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


@pytest.fixture
def smtp_server():
    """A local SMTP server on a free port; set its `refuses` to have it refuse every message."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeSmtpHandler)
    server.daemon_threads = True
    server.envelope, server.messages, server.refuses = [], [], False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_without_smtp_settings_mail_is_written_to_the_folder(app):
    assert isinstance(mailer_for(app.config), FolderMailer)


def test_smtp_settings_send_through_a_real_smtp_conversation(app, smtp_server, mailbox, make_user):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.server_address[1], SMTP_STARTTLS=False)
    assert isinstance(mailer_for(app.config), SmtpMailer)
    user = make_user(email="somsri@example.org")
    with app.test_request_context():
        queue_mail(user.email, "reset_password", user=user, url="https://example.org/reset/abc")
    assert smtp_server.messages == []  # nothing leaves before the commit
    db.session.commit()
    assert any("somsri@example.org" in line for line in smtp_server.envelope)
    received = email.message_from_string(smtp_server.messages[0], policy=email.policy.default)
    assert received["To"] == "somsri@example.org"
    assert "https://example.org/reset/abc" in received.get_content()
    assert mailbox.messages() == []  # and nothing went to the folder


def test_a_rolled_back_change_sends_nothing(app, mailbox, make_user):
    user = make_user(email="malee@example.org")
    with app.test_request_context():
        queue_mail(user.email, "reset_password", user=user, url="https://example.org/reset/abc")
    db.session.rollback()
    db.session.commit()
    assert mailbox.messages() == []


@pytest.mark.parametrize("server", ["refusing", "down"])
def test_a_failed_send_is_logged_without_secrets_or_personal_data_and_the_change_stays(
        app, make_user, mailbox, caplog, smtp_server, server):
    if server == "refusing":
        smtp_server.refuses = True
        port = smtp_server.server_address[1]
    else:  # nothing listens there
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_STARTTLS=False,
                      SMTP_USERNAME="mailer-account", SMTP_PASSWORD="Sup3r-s3cret-pa55")
    user = make_user(email="somsri.private@example.org", display_name="Somsri Private")
    with app.test_request_context():
        message = queue_mail(user.email, "reset_password", user=user, url="https://example.org/reset/tok3n-abc")
    user.display_name = "Somsri Changed"
    with caplog.at_level(logging.DEBUG):
        db.session.commit()  # the send fails after the commit: the commit itself must not

    db.session.expire_all()
    assert db.session.get(type(user), user.id).display_name == "Somsri Changed"
    failures = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert failures, "the failed send was not logged"
    logged = caplog.text + "".join(record.getMessage() for record in caplog.records)
    assert message["Message-ID"] in logged  # enough to find it again
    for secret in ("Sup3r-s3cret-pa55", "somsri.private@example.org", "Somsri", "tok3n-abc"):
        assert secret not in logged
    assert mailbox.messages() == []  # not silently written elsewhere either
