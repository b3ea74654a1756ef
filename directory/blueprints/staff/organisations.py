"""Placeholder: replaced by the back-office work."""
from directory.blueprints.staff import staff


@staff.get("/")
def home():
    return "staff"
