"""The per-installation secret used to pseudonymise identifiers."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_ENVIRONMENT_VARIABLE = "CAREFORCE_SECRET_KEY"
"""Environment variable that holds the secret (takes precedence over the key file)."""
KEY_FILE_ENVIRONMENT_VARIABLE = "CAREFORCE_KEY_FILE"
"""Environment variable naming the key file, if not the default."""
KEY_BYTES = 32
"""Length of a generated secret, in bytes."""


def default_key_file() -> Path:
    """Where the generated key is kept: ``$XDG_DATA_HOME/careforce/secret.key``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "careforce" / "secret.key"


def load_secret() -> bytes:
    """The pseudonymisation secret: from the environment, else from the key file (created if absent).

    The key file is created with permissions 0600. Keep it safe and keep it the same: the same
    worker gets the same pseudonymous identifier only under the same secret.
    """
    from_environment = os.environ.get(SECRET_ENVIRONMENT_VARIABLE)
    if from_environment:
        return from_environment.encode()
    path = Path(os.environ.get(KEY_FILE_ENVIRONMENT_VARIABLE) or default_key_file())
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(KEY_BYTES).encode()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(key + b"\n")
    return key
