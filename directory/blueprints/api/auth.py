"""Who is calling the write API: a bearer token (no cookie, so no CSRF), or the session cookie with CSRF."""
from flask import abort, request
from flask_login import current_user

from directory.extensions import csrf
from directory.services.accounts.users import user_for_api_token


def api_user():
    """The authenticated caller of a write route, or a 401. Cookie callers must send X-CSRFToken."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        user = user_for_api_token(header.removeprefix("Bearer ").strip())
        if user is None:
            abort(401, description="The API token is unknown or its account is inactive.")
        return user
    if current_user.is_authenticated:
        csrf.protect()
        return current_user._get_current_object()
    abort(401, description="Sign in, or send an API token as 'Authorization: Bearer <token>'.")
