"""Rendered parts of pages kept in memory, for pages that are the same for everyone.

A published measure page depends only on the publication and the filters asked for, so its
body is rendered once per process and reused until a new publication changes the key. The
layout around it (who is signed in, messages) is rendered for each request as usual.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Final

from django.template.loader import render_to_string
from markupsafe import Markup

MAX_FRAGMENTS: Final = 512
"""Fragments kept per process (the least recently used go first); a few MB at most."""

_fragments: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


def remembered(key: Hashable, compute: Callable[[], Any]) -> Any:
    """The value for a key, computed on first use and kept (least recently used dropped)."""
    with _lock:
        if key in _fragments:
            _fragments.move_to_end(key)
            return _fragments[key]
    value = compute()
    with _lock:
        _fragments[key] = value
        _fragments.move_to_end(key)
        while len(_fragments) > MAX_FRAGMENTS:
            _fragments.popitem(last=False)
    return value


def fragment(key: Hashable, template: str, context: Callable[[], dict[str, Any]]) -> Markup:
    """A template rendered without a request (so nothing personal in it), kept by key."""
    return Markup(remembered(("fragment", key), lambda: render_to_string(template, context())))


def forget() -> None:
    """Drop everything kept (tests use this)."""
    with _lock:
        _fragments.clear()
