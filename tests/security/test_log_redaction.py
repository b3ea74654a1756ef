"""Private tokens never reach a log: every route that takes a <token> is redacted, in every logger."""
import logging

import pytest

from directory.log_redaction import RedactingFilter, redact

TOKEN = "s3cr3t-T0ken_x"


def token_rules(app):
    return [rule for rule in app.url_map.iter_rules() if "token" in rule.arguments]


def test_there_are_private_routes_to_redact(app):
    assert len(token_rules(app)) >= 9


def test_every_route_with_a_token_is_redacted(app):
    for rule in token_rules(app):
        path = rule.build({name: TOKEN if name == "token" else "x" for name in rule.arguments},
                          append_unknown=False)[1]
        line = f'GET {path}?lang=th HTTP/1.1" 200 - "https://example.org{path}"'
        assert TOKEN not in redact(line), rule.rule
        assert "<private>" in redact(line)


@pytest.mark.parametrize("logger_name", ["werkzeug", "directory"])
def test_the_filter_is_on_the_loggers_requests_go_to(app, logger_name):
    assert any(isinstance(f, RedactingFilter) for f in logging.getLogger(logger_name).filters)


def test_a_record_is_redacted_in_its_message_and_arguments():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - "%s" %s',
                               ("127.0.0.1", f"GET /applications/{TOKEN}/data.json HTTP/1.1", "200"), None)
    assert RedactingFilter().filter(record)
    assert TOKEN not in record.getMessage() and "/applications/<private>/data.json" in record.getMessage()
    named = logging.LogRecord("directory", logging.ERROR, __file__, 1, f"failed on /account/verify/{TOKEN}", None,
                              None)
    RedactingFilter().filter(named)
    assert named.getMessage() == "failed on /account/verify/<private>"


def test_other_paths_are_left_alone():
    assert redact("GET /organisations?q=applications HTTP/1.1") == "GET /organisations?q=applications HTTP/1.1"
