"""Organisations: creating and changing records, their editors' profile edits, claims and public corrections, the
history and its reverts, moderation, likely duplicates, logos, and the published data (CSV, JSON, HSDS)."""
