"""Uploads: files people send, their validation findings, and the snapshots they become."""
