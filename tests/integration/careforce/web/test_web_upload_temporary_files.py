"""No temporary copy of an uploaded file outlives its request: copies wait in the service's
private folder, never the system's; after an upload that is taken (and checked), one that is
refused and one whose request fails, both folders hold nothing new; what a killed process left
is removed when a process starts."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from careforce.web.backend import temporary_files
from careforce.web.backend import uploads as service
from careforce.web.backend.jobs import run_pending
from careforce.web.models.uploads.models import Upload
from web_support import Site

pytestmark = pytest.mark.integration


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The system's temporary folder and the service's private one, for this test alone; every
    uploaded file goes through a temporary file."""
    system, private = tmp_path / "system-temp", tmp_path / "private-temp"
    system.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    monkeypatch.setattr(settings, "CAREFORCE_UPLOAD_TEMP_DIR", str(private))
    monkeypatch.setattr(settings, "FILE_UPLOAD_MAX_MEMORY_SIZE", 0)
    return system, private


def _left(*folders: Path) -> list[Path]:
    return sorted(path for folder in folders if folder.exists() for path in folder.rglob("*"))


def _post(client: Any, organisation: int, paths: list[Path]) -> Any:
    streams = [path.open("rb") for path in paths]
    try:
        return client.post(
            reverse("uploads:upload-create"),
            {
                "organisation": organisation,
                "source": "ascwds",
                "reference_date_day": "31",
                "reference_date_month": "3",
                "reference_date_year": "2022",
                "files": streams,
            },
        )
    finally:
        for stream in streams:
            stream.close()


class TestTemporaryFiles:
    def test_copies_wait_in_the_private_folder_and_go_with_the_request(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        provider_files: dict[str, Any],
        folders: tuple[Path, Path],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        system, private = folders
        seen: list[list[Path]] = []
        create = service.create_upload

        def watched(**kwargs: Any) -> Any:
            seen.append(_left(private))
            return create(**kwargs)

        monkeypatch.setattr(service, "create_upload", watched)
        response = _post(client_as("provider_b"), site.provider_b, provider_files["b/2021-22"])
        assert response.status_code == 302
        assert len(seen[0]) == 3
        assert all(path.name.endswith(".upload.csv") for path in seen[0])
        assert oct(private.stat().st_mode & 0o777) == "0o700"
        run_pending()
        assert Upload.objects.order_by("-id").first().status == "valid"
        assert _left(system, private) == []

    def test_nothing_is_left_after_a_refused_upload(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        provider_files: dict[str, Any],
        folders: tuple[Path, Path],
    ) -> None:
        files = [*provider_files["a/2021-22"], provider_files["a/2020-21"][0]]
        response = _post(client_as("provider_a"), site.provider_a, files)
        assert response.status_code == 400
        assert _left(*folders) == []

    def test_nothing_is_left_when_the_request_fails(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        provider_files: dict[str, Any],
        folders: tuple[Path, Path],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        def broken(**kwargs: Any) -> Any:
            raise RuntimeError("database gone")

        monkeypatch.setattr(service, "create_upload", broken)
        with pytest.raises(RuntimeError):
            _post(client_as("provider_a"), site.provider_a, provider_files["a/2021-22"])
        assert _left(*folders) == []


class TestAbandonedFiles:
    def test_files_a_killed_process_left_are_removed_at_start(
        self, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        _, private = folders
        monkeypatch.setattr(settings, "MEDIA_ROOT", tmp_path / "media")
        raw = tmp_path / "media" / "raw"
        raw.mkdir(parents=True)
        private.mkdir()
        old = time.time() - temporary_files.ABANDONED_AFTER.total_seconds() - 60
        abandoned = [private / "tmpabc.upload.csv", raw / ".incoming.xyz"]
        current = [private / "tmpnew.upload.csv", raw / ".incoming.new", raw / "ab"]
        for path in [*abandoned, *current]:
            path.write_text("NI number AB123456C")
        for path in abandoned:
            os.utime(path, (old, old))
        os.utime(raw / "ab", (old, old))
        assert temporary_files.remove_abandoned() == 2
        assert not any(path.exists() for path in abandoned)
        assert all(path.exists() for path in current)

    def test_the_private_folder_is_in_the_data_folder(self) -> None:
        folder = Path(settings.CAREFORCE_UPLOAD_TEMP_DIR)
        assert folder == settings.DATA_DIR / "tmp"
        assert settings.FILE_UPLOAD_TEMP_DIR is None  # Django's own setting is not used
