"""Where uploaded files wait while a request is read (see
:mod:`careforce.web.backend.temporary_files`)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import wraps
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, TemporaryFileUploadHandler
from django.http import HttpRequest, HttpResponseBase

from careforce.web.backend.temporary_files import temporary_folder

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


class PrivateTemporaryUploadedFile(TemporaryUploadedFile):
    """An uploaded file written to the service's private temporary folder (deleted when
    closed, as Django's)."""

    def __init__(
        self,
        name: str,
        content_type: str,
        size: int,
        charset: str | None,
        content_type_extra: dict[str, Any] | None = None,
    ) -> None:
        """Open the temporary file in the private folder (made when missing)."""
        suffix = ".upload" + Path(name).suffix
        file = tempfile.NamedTemporaryFile(suffix=suffix, dir=temporary_folder())  # noqa: SIM115
        UploadedFile.__init__(self, file, name, content_type, size, charset, content_type_extra)


class PrivateTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for large uploads, writing to the service's private temporary folder
    rather than the system's."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        """Start a temporary file for an uploaded file."""
        FileUploadHandler.new_file(self, *args, **kwargs)
        self.file = PrivateTemporaryUploadedFile(
            self.file_name or "file",
            self.content_type or "",
            0,
            self.charset,
            self.content_type_extra,
        )


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
