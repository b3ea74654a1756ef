"""schemathesis over every operation of the OpenAPI document, with all its checks: the API and its
document agree (what the document allows is accepted, what it forbids is refused, every answer is
documented). Bounded examples and derandomised Hypothesis, so CI is repeatable."""
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.api.test_api_edit_organisation import token_for

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", 25))


@pytest.fixture
def api_schema(app, make_organisation, make_user):
    """The document as the app serves it; organisation ids in paths are a real one's, whose editor's
    token is sent, so the edit operation is reached and not only refused."""
    organisation = make_organisation(name_th="องค์กรสำหรับทดสอบ", province="สตูล", district="ละงู")
    app.config.update(SEARCH_LIMIT="100000 per minute", APPLICATION_LIMIT="100000 per hour")
    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    token = token_for(make_user(editor_of=[organisation]))

    @loaded.hook
    def map_path_parameters(context, path_parameters):
        if "/organisations/" in context.operation.path and "public_id" in path_parameters:
            path_parameters["public_id"] = organisation.public_id
        return path_parameters

    @loaded.auth()
    class EditorToken:
        """The editor's bearer token: schemathesis also tries the operation without it, or with a wrong one."""

        def get(self, case, context):
            return token["Authorization"]

        def set(self, case, data, context):
            case.headers = {**(case.headers or {}), "Authorization": data}

    return loaded


def test_every_operation_does_what_the_document_says(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    failures = {}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate()

        try:
            call()
        except Exception as failure:  # noqa: BLE001  every operation's failure, reported together
            failures[operation.label] = str(failure)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
