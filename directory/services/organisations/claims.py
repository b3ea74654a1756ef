"""Becoming an organisation's editor: claims, registrations, staff decisions and invitations.

A claim asks for the right to edit a published listing; a registration adds a new organisation as a
draft together with a claim for it. Staff decide. Approving a registration also publishes it: staff
have just reviewed the listing in the queue, and a second step would leave approved organisations
invisible with nobody told to publish them. Rejecting one archives the draft.

Editors invite others by mail; the signed link names the address and works only for the account
that has it. Services flush; the caller commits once (mail goes out after the commit).
"""
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.links import public_url
from directory.models import (
    ClaimKind,
    ClaimStatus,
    Organisation,
    OrganisationClaim,
    OrganisationMembership,
    OrganisationStatus,
    RevisionSource,
    User,
)
from directory.services.accounts.tokens import InvalidToken, make_token, read_token
from directory.services.accounts.users import find_user, normalise_email
from directory.services.organisations.moderation import set_organisation_status
from directory.services.organisations.permissions import can_edit
from directory.services.organisations.records import create_organisation
from directory.services.platform.mailer import queue_mail
from directory.services.platform.refusals import Refused

INVITATION_PURPOSE = "invite-editor"


class ClaimError(Refused):
    """A refusal to show the person: `code` names it for the views and the tests."""


# Requests

def claim_organisation(user, organisation, values):
    """Ask to edit a published listing; values: justification, contact_name, contact_detail."""
    refusal = claim_refusal(user, organisation)
    if refusal:
        raise ClaimError(refusal)
    return _add_claim(ClaimKind.CLAIM, user, organisation, values)


def claim_refusal(user, organisation):
    """Why `user` may not claim `organisation` (a ClaimError code), or None: the page says so before the form."""
    if not user.is_verified:
        return "unverified"
    if not organisation.is_published:
        return "not_published"
    if user.is_editor_of(organisation):
        return "already_editor"
    if pending_claim(user, organisation) is not None:
        return "already_pending"
    return None


def register_organisation(user, organisation_values, claim_values, possible_duplicate=None):
    """A new organisation, unpublished (draft) until staff approve the registration claim made with it.

    `possible_duplicate` is an organisation of the same name and place the person was warned about:
    the claim points staff at it.
    """
    if not user.is_verified:
        raise ClaimError("unverified")
    organisation = create_organisation({**organisation_values, "status": OrganisationStatus.DRAFT},
                                       source=RevisionSource.CREATE, author=user)
    claim = _add_claim(ClaimKind.REGISTRATION, user, organisation, claim_values)
    claim.possible_duplicate = possible_duplicate
    return claim


def _add_claim(kind, user, organisation, values):
    claim = OrganisationClaim(kind=kind, requester=user, organisation=organisation,
                              justification=values["justification"], contact_name=values["contact_name"],
                              contact_detail=values["contact_detail"])
    db.session.add(claim)
    db.session.flush()
    return claim


def pending_claim(user, organisation):
    return db.session.scalar(sa.select(OrganisationClaim).where(
        OrganisationClaim.requester_id == user.id, OrganisationClaim.organisation_id == organisation.id,
        OrganisationClaim.status == ClaimStatus.PENDING))


def claims_of(user):
    """The person's own requests, newest first (their account page lists them)."""
    return db.session.scalars(
        sa.select(OrganisationClaim).where(OrganisationClaim.requester_id == user.id)
        .options(selectinload(OrganisationClaim.organisation))
        .order_by(OrganisationClaim.created_at.desc(), OrganisationClaim.id.desc())).all()


def claim_queue(kind=None, status=ClaimStatus.PENDING):
    """Claims for the back office: pending oldest first (first come, first served), decided newest first."""
    query = sa.select(OrganisationClaim).options(
        selectinload(OrganisationClaim.organisation).selectinload(Organisation.province),
        selectinload(OrganisationClaim.organisation).selectinload(Organisation.type),
        selectinload(OrganisationClaim.requester), selectinload(OrganisationClaim.decided_by),
        selectinload(OrganisationClaim.possible_duplicate))
    if kind is not None:
        query = query.where(OrganisationClaim.kind == kind)
    if status is not None:
        query = query.where(OrganisationClaim.status == status)
    if status is ClaimStatus.PENDING:
        query = query.order_by(OrganisationClaim.created_at, OrganisationClaim.id)
    else:
        query = query.order_by(OrganisationClaim.decided_at.desc(), OrganisationClaim.id.desc())
    return db.session.scalars(query).all()


# Decisions

def approve_claim(claim, *, by, note=None):
    """Make the requester an editor (a registration is also published) and tell them by mail."""
    _decide(claim, ClaimStatus.APPROVED, by, note)
    organisation = claim.organisation
    if not claim.requester.is_editor_of(organisation):
        db.session.add(OrganisationMembership(user=claim.requester, organisation=organisation, added_by=by))
    if claim.kind is ClaimKind.REGISTRATION and organisation.status is OrganisationStatus.DRAFT:
        set_organisation_status(organisation, OrganisationStatus.PUBLISHED, by=by)
    db.session.flush()
    _tell_requester(claim, "claim_approved")
    return claim


def reject_claim(claim, *, by, note=None):
    """Refuse the request (a registration's draft is archived) and tell the requester by mail."""
    _decide(claim, ClaimStatus.REJECTED, by, note)
    organisation = claim.organisation
    if claim.kind is ClaimKind.REGISTRATION and organisation.status is OrganisationStatus.DRAFT:
        set_organisation_status(organisation, OrganisationStatus.ARCHIVED, by=by)
    db.session.flush()
    _tell_requester(claim, "claim_rejected")
    return claim


def _decide(claim, status, by, note):
    if not by.is_staff:
        raise ClaimError("forbidden")
    if claim.status is not ClaimStatus.PENDING:
        raise ClaimError("already_decided")
    # Only a row still pending changes: of two staff deciding at once, the second updates nothing
    # (PostgreSQL re-checks the condition once the first commits) and is refused.
    decided = db.session.execute(
        sa.update(OrganisationClaim)
        .where(OrganisationClaim.id == claim.id, OrganisationClaim.status == ClaimStatus.PENDING)
        .values(status=status, decided_by_id=by.id, decided_at=sa.func.now(),
                decision_note=(note or "").strip() or None)
        .execution_options(synchronize_session=False))
    if decided.rowcount != 1:
        raise ClaimError("already_decided")
    db.session.expire(claim, ["status", "decided_by", "decided_by_id", "decided_at", "decision_note"])


def _tell_requester(claim, template):
    organisation = claim.organisation
    profile_url = (public_url("public.organisation", public_id=organisation.public_id, slug=organisation.slug)
                   if organisation.is_published else None)
    queue_mail(claim.requester.email, template, claim=claim, organisation=organisation,
               profile_url=profile_url, account_url=public_url("account.home"))


# Editors

def editors_of(organisation):
    """Memberships with their people, oldest first."""
    return db.session.scalars(
        sa.select(OrganisationMembership).where(OrganisationMembership.organisation_id == organisation.id)
        .options(selectinload(OrganisationMembership.user), selectinload(OrganisationMembership.added_by))
        .order_by(OrganisationMembership.created_at, OrganisationMembership.id)).all()


def invite_editor(organisation, email, *, by):
    """Mail a signed link to `email`; whoever signs in with that verified address may accept it.

    Nothing is stored: the link carries the organisation, the address and who sent it.
    """
    if not can_edit(by, organisation):
        raise ClaimError("forbidden")
    if organisation.status is OrganisationStatus.ARCHIVED:
        raise ClaimError("archived")
    email = normalise_email(email)
    invited = find_user(email)
    if invited is not None and invited.is_editor_of(organisation):
        raise ClaimError("already_editor")
    token = make_token(INVITATION_PURPOSE, {"organisation": organisation.id, "email": email, "by": by.id})
    queue_mail(email, "invitation", organisation=organisation, inviter=by,
               url=public_url("account.accept_invitation", token=token),
               days=current_app.config["INVITATION_MAX_AGE"] // (24 * 3600))
    return token


def read_invitation(token, user):
    """(organisation, inviter) the link names, if `user` may accept it; raises ClaimError otherwise.

    The link stops working when it expires, when the organisation is archived, or when whoever sent
    it may no longer manage its editors (a removed editor's invitations die with their membership).
    """
    try:
        payload = read_token(INVITATION_PURPOSE, token, current_app.config["INVITATION_MAX_AGE"])
    except InvalidToken:
        raise ClaimError("invalid_token") from None
    organisation = db.session.get(Organisation, payload["organisation"])
    inviter = db.session.get(User, payload["by"])
    if (organisation is None or organisation.status is OrganisationStatus.ARCHIVED or inviter is None
            or not inviter.is_active or not can_edit(inviter, organisation)):
        raise ClaimError("invalid_token")
    if not user.is_verified:
        raise ClaimError("unverified")
    if normalise_email(user.email) != payload["email"]:
        raise ClaimError("wrong_email")
    if user.is_editor_of(organisation):
        raise ClaimError("already_editor")
    return organisation, inviter


def accept_invitation(token, user):
    """Make `user` an editor of the organisation the link names; returns the membership."""
    organisation, inviter = read_invitation(token, user)
    membership = OrganisationMembership(user=user, organisation=organisation, added_by=inviter)
    db.session.add(membership)
    db.session.flush()
    return membership


def remove_editor(organisation, user, *, by):
    """An editor may remove another editor or themselves; only staff may remove the last one.

    An organisation left without editors can only be claimed again through staff, so a member
    cannot orphan it by accident.
    """
    if not can_edit(by, organisation):
        raise ClaimError("forbidden")
    membership = db.session.scalar(sa.select(OrganisationMembership).where(
        OrganisationMembership.organisation_id == organisation.id, OrganisationMembership.user_id == user.id))
    if membership is None:
        raise ClaimError("not_editor")
    count = db.session.scalar(sa.select(sa.func.count()).select_from(OrganisationMembership).where(
        OrganisationMembership.organisation_id == organisation.id))
    if count == 1 and not by.is_staff:
        raise ClaimError("last_editor")
    db.session.delete(membership)
    db.session.flush()
    db.session.expire(user, ["memberships"])  # the loaded list still holds the deleted row
