"""A database error is logged without the statement's parameters: they would carry personal data."""
import logging

import sqlalchemy as sa

from directory.extensions import db
from directory.services.programme import applications
from tests.api.test_api_applications import body as application_body


def test_a_failed_statement_logs_no_personal_data(app, client, open_round, monkeypatch, caplog):
    def failing_submit(event, values):
        db.session.execute(sa.text("INSERT INTO no_such_table (name, email, phone) VALUES (:name, :email, :phone)"),
                           {"name": values["full_name"], "email": values["email"], "phone": values["phone"]})

    monkeypatch.setattr(applications, "submit_application", failing_submit)
    body = application_body(full_name="Kanya Secretname", email="kanya.private@example.org", phone="+66899990000")
    with caplog.at_level(logging.DEBUG):
        response = client.post(f"/api/v1/events/{open_round.public_id}/applications", json=body)

    assert response.status_code == 500
    logged = "\n".join(record.getMessage() + (caplog.text or "") for record in caplog.records)
    assert "no_such_table" in logged  # the error is logged
    for personal in ("Secretname", "kanya.private@example.org", "+66899990000"):
        assert personal not in logged
    assert "parameters hidden" in logged
