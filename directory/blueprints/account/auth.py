"""Placeholder views so url_for works while issue 4 is built: replaced by the account work."""
from flask_login import login_required

from directory.blueprints.account import account


@account.get("/")
@login_required
def home():
    return "account"


@account.route("/login", methods=["GET", "POST"])
def login():
    return "login"


@account.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    return "sign up"
