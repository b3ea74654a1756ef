"""Every enum member the pages may show has a label in Thai and in English (directory/labels.py), and a
member without one shows as its value instead of failing the page."""
import enum
import importlib
import inspect
import pkgutil

from flask_babel import force_locale

import directory.models
from directory.labels import LABELS, Labels, choices, label
from directory.services.programme.events import EventStatus

# Labels whose Thai is rightly the same as the English: none today.
SAME_IN_BOTH = set()


def _model_enums():
    found = set()
    for module in pkgutil.iter_modules(directory.models.__path__):
        for value in vars(importlib.import_module(f"directory.models.{module.name}")).values():
            if inspect.isclass(value) and issubclass(value, enum.Enum) and value.__module__.startswith(
                    "directory.models"):
                found.add(value)
    return found


def _labels_in(language):
    with force_locale(language):
        return {member: label(member) for kind in _model_enums() | {EventStatus} for member in kind}


def test_the_models_have_enums_to_label():
    assert {enum.__name__ for enum in _model_enums()} >= {"OrganisationStatus", "ApplicationStatus", "UserRole",
                                                          "RevisionSource", "ClaimKind", "ImportStatus"}


def test_every_enum_member_has_an_english_and_a_thai_label(app):
    with app.test_request_context():
        english, thai = _labels_in("en"), _labels_in("th")
    for kind in _model_enums() | {EventStatus}:
        assert kind in LABELS, f"{kind.__name__} has no labels in directory/labels.py"
        for member in kind:
            assert member in LABELS[kind], f"{member} has no label"
            assert english[member] == LABELS[kind][member]._args[0], f"{member}: the msgid is the English"
            assert thai[member] != english[member] or member in SAME_IN_BOTH, f"{member} has no Thai: {thai[member]}"
            assert thai[member].strip()


def test_a_member_without_a_label_shows_as_its_value(app):
    class Mood(enum.Enum):
        CALM = "calm"

    with app.test_request_context():
        assert label(Mood.CALM) == "calm"
        assert Labels({})[Mood.CALM] == "calm"
        assert choices(Mood) == [("calm", "calm")]


def test_a_label_missing_from_a_map_does_not_fail_the_page(app, monkeypatch):
    partial = Labels(LABELS[EventStatus])
    del partial[EventStatus.RUNNING]
    monkeypatch.setitem(LABELS, EventStatus, partial)
    with app.test_request_context():
        rendered = app.jinja_env.from_string("{{ label(status) }}").render(status=EventStatus.RUNNING)
    assert rendered == "running"
