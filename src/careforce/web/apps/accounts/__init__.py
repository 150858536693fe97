"""Accounts: users and their roles, sign-in with throttling, API tokens and the audit log."""
