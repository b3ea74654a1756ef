"""Schemas of organisations: the output per audience, the profile edit, spreadsheet rows, listing filters,
claims and registrations, and public corrections."""
