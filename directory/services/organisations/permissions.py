"""Who may change what. The web form and the API ask here, so they answer alike."""
from directory.services.organisations.records import organisation_by_public_id


def can_edit(user, organisation):
    """Editors of the organisation, or staff; never an anonymous or deactivated account."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_staff or user.is_editor_of(organisation)


def editable_organisation(public_id, user):
    """(organisation, None) when `user` may edit it, else (None, HTTP status) for the refusal.

    404 for an unknown, draft or archived organisation, so a refusal reveals nothing the public
    cannot see; 403 for a published one, whose existence anyone can see.
    """
    organisation = organisation_by_public_id(public_id)
    if organisation is not None and can_edit(user, organisation):
        return organisation, None
    return None, 403 if organisation is not None and organisation.is_published else 404
