"""Accounts: users, passwords, the signed tokens of mailed links, and the sign-in throttle."""
