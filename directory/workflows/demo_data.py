"""The demo organisations: made-up rows that show the directory working before real data is in.

seeds/demo_organisations.csv is written by seeds/generate_demo_organisations.py. Its refs start with
DEMO- and the import marks every new row is_demo, so the demo data can be told apart and removed.
"""
from directory.services.places.reference_data import SEEDS_DIR
from directory.workflows.organisation_import import import_organisations_file

DEMO_CSV = SEEDS_DIR / "demo_organisations.csv"


def seed_demo_organisations():
    """Import the demo organisations, published and marked as demo; returns the ImportReport.

    Rows are matched by ref, so seeding again changes nothing. Flushes; the caller commits. Raises
    ImportFailed if the file no longer fits the reference data (regenerate it).
    """
    return import_organisations_file(DEMO_CSV, mark_demo=True)
