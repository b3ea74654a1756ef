"""Sign-up, email verification, sign-in and out, password reset, and personal API tokens.

No page or message tells whether an email has an account: sign-up, sign-in and reset answer the same
for an unknown email as for a known one (services/accounts/users.py mails the owner where it matters).
"""
from urllib.parse import urlsplit

from flask import (
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required, login_user, logout_user

from directory.blueprints.account import account
from directory.blueprints.attempt_limits import (
    TOO_MANY_ATTEMPTS,
    attempt_limits,
    client_address,
)
from directory.blueprints.forms import load_form
from directory.extensions import db, limiter
from directory.schemas.accounts import (
    ApiTokenSchema,
    EmailSchema,
    LoginSchema,
    NewPasswordSchema,
    SignUpSchema,
    new_password_errors,
)
from directory.services.accounts import sign_in_throttle as throttle
from directory.services.accounts import users as accounts
from directory.services.accounts.users import AccountError
from directory.services.organisations.claims import claims_of


def _failed(response):
    """Only failed sign-ins count, so a busy office behind one address can still sign in all day."""
    return response.status_code != 302


def _safe_next(target):
    """Only a path on this site: ?next=https://elsewhere or //elsewhere would make us an open redirect."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    return target


def _clear_session():
    """Forget everything but the language; the CSRF token cached for this request goes with the session."""
    language = session.get("lang")
    session.clear()
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)
    if language:
        session["lang"] = language


def _start_session(user):
    """A fresh session for the signed-in person: nothing set before sign-in (a planted id) carries over."""
    _clear_session()
    login_user(user)


@account.get("/")
@login_required
def home():
    return render_template("account/home.html", user=current_user, claims=claims_of(current_user))


@account.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for("account.home"))
    values, errors = {}, {}
    if request.method == "POST":
        values, errors = load_form(SignUpSchema())
        if not errors:
            accounts.sign_up(values["email"], values["password"], values["display_name"])
            db.session.commit()
            # The same page whether the email was new or already had an account.
            return render_template("account/check_mail.html", purpose="verify", email=values["email"])
        values = {key: request.form.get(key, "") for key in ("email", "display_name")}
    return render_template("account/sign_up.html", values=values, errors=errors), 400 if errors else 200


@account.get("/verify/<token>")
def verify_email(token):
    try:
        accounts.verify_email(token)
    except AccountError:
        return render_template("account/invalid_link.html", purpose="verify"), 400
    db.session.commit()
    flash(gettext("Thank you: your email address is verified."), "success")
    return redirect(url_for("account.home" if current_user.is_authenticated else "account.login"))


@account.post("/verify/resend")
@login_required
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_LIMIT"], key_func=lambda: f"user:{current_user.id}",
               error_message=TOO_MANY_ATTEMPTS)
def resend_verification():
    if not current_user.is_verified:
        accounts.send_verification(current_user)
        db.session.commit()
        flash(gettext("We have sent you a new verification link."), "success")
    return redirect(url_for("account.home"))


def _landing_page(user):
    """Where signing in leads without a `next`: staff come to work in the back office."""
    return url_for("staff.home") if user.is_staff else url_for("account.home")


@account.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT"], key_func=throttle.attempt_bucket, methods=["POST"],
               error_message=TOO_MANY_ATTEMPTS, deduct_when=_failed)
@limiter.limit(lambda: current_app.config["LOGIN_ADDRESS_LIMIT"], key_func=client_address, methods=["POST"],
               error_message=TOO_MANY_ATTEMPTS, deduct_when=_failed, exempt_when=throttle.is_trusted_device)
def login():
    """Sign-in, throttled as services/accounts/sign_in_throttle.py explains: never a lock-out of the account."""
    next_url = _safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or _landing_page(current_user))
    errors = {}
    if request.method == "POST":
        values, errors = load_form(LoginSchema())
        if not errors:
            email = values["email"].lower()
            trusted = throttle.is_trusted_device(email)
            wait = 0 if trusted else throttle.seconds_to_wait(email)
            if wait:
                abort(429, description=lazy_gettext(
                    "Several wrong passwords were tried for this account. Please wait %(seconds)s seconds "
                    "and try again.", seconds=wait))
            user = accounts.authenticate(values["email"], values["password"])
            if user is not None:
                db.session.commit()  # the sign-in time, and a rehashed password
                _start_session(user)
                response = redirect(next_url or _landing_page(user))
                name, value, max_age = throttle.device_cookie_after_sign_in(email)
                response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="Lax",
                                    secure=current_app.config["SESSION_COOKIE_SECURE"])
                return response
            if not trusted:
                throttle.record_failure(email)
            # The same words for an unknown email, a wrong password and a deactivated account.
            errors = {"_schema": ["The email address or password is not correct."]}
    email = request.form.get("email", "")
    return render_template("account/login.html", email=email, next_url=next_url, errors=errors), 400 if errors else 200


@account.post("/logout")
def logout():
    if current_user.is_authenticated:
        accounts.end_sessions(current_user)  # a copy of this cookie, kept anywhere, stops working
        db.session.commit()
        logout_user()
    _clear_session()
    flash(gettext("You have signed out."), "success")
    return redirect(url_for("public.home"))


@account.route("/forgot-password", methods=["GET", "POST"])
@attempt_limits("PASSWORD_RESET_LIMIT")
def forgot_password():
    values, errors = {}, {}
    if request.method == "POST":
        values, errors = load_form(EmailSchema())
        if not errors:
            accounts.request_password_reset(values["email"])
            db.session.commit()
            return render_template("account/check_mail.html", purpose="reset", email=values["email"])
        values = {"email": request.form.get("email", "")}
    return render_template("account/forgot_password.html", values=values, errors=errors), 400 if errors else 200


@account.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token):
    try:
        user = accounts.user_for_reset_token(token)
    except AccountError:
        return render_template("account/invalid_link.html", purpose="reset"), 400
    errors = {}
    if request.method == "POST":
        values, errors = load_form(NewPasswordSchema())
        if not errors:
            messages = new_password_errors(values["password"], email=user.email)
            errors = {"password": messages} if messages else {}
        if not errors:
            accounts.reset_password(token, values["password"])
            db.session.commit()
            logout_user()
            flash(gettext("Your password has been changed. Please sign in with the new one."), "success")
            return redirect(url_for("account.login"))
    return render_template("account/reset_password.html", token=token, errors=errors), 400 if errors else 200


@account.route("/tokens", methods=["GET", "POST"])
@login_required
def tokens():
    """The secret of a new token is in this one response only; the database keeps its hash."""
    errors, new_secret = {}, None
    if request.method == "POST":
        values, errors = load_form(ApiTokenSchema())
        if not errors:
            _token, new_secret = accounts.create_api_token(current_user, values["name"])
            db.session.commit()
    response = make_response(render_template("account/tokens.html", tokens=accounts.api_tokens_of(current_user),
                                              new_secret=new_secret, errors=errors), 400 if errors else 200)
    response.headers["Cache-Control"] = "no-store"  # no copy of the secret in any cache or history
    return response


@account.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id):
    try:
        accounts.revoke_api_token(current_user, token_id)
    except AccountError:
        abort(404)
    db.session.commit()
    flash(gettext("The token has been revoked."), "success")
    return redirect(url_for("account.tokens"))
