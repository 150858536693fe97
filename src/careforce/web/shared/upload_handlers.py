"""Where uploaded files wait while a request is read (see
:mod:`careforce.web.backend.temporary_files`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from itertools import chain
from typing import Any, TypeVar

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpRequest, HttpResponseBase

from careforce.web.backend.temporary_files import temporary_folder

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


class PrivateTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for large uploads, writing to the service's private temporary folder
    (made when missing) rather than the system's."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        """Start a temporary file for an uploaded file."""
        temporary_folder()
        super().new_file(*args, **kwargs)


def closing_uploads(view: View) -> View:
    """Close (so delete) the request's temporary copies of uploaded files as soon as the view
    returns or raises, not only when the response is finished."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        finally:
            files = getattr(request, "_files", None)
            if files is not None:
                for uploaded in chain.from_iterable(values for _, values in files.lists()):
                    uploaded.close()

    return wrapped  # type: ignore[return-value]
