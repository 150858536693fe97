"""Reading ASC-WDS bulk-upload files from disk and recognising which is which."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from careforce.core.sources.ascwds.findings import FileKind
from careforce.core.sources.ascwds.headers import detect_file_kind, header_problem
from careforce.core.sources.ascwds.validate import RawFile
from careforce.io.csv_text import UnreadableFileError, read_csv_table


class UnusableInputError(ValueError):
    """An input file cannot be used at all (unreadable, or not an ASC-WDS file)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        """Record which file and why."""
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class InputFile:
    """A recognised ASC-WDS file with what the manifest records about it."""

    raw: RawFile
    path: str
    sha256: str
    size: int
    encoding: str

    @property
    def rows(self) -> int:
        """Number of data rows (blank lines not counted)."""
        return self.raw.frame.height


def read_ascwds_file(path: Path) -> InputFile:
    """Read one file, recognise it by its header and check the header.

    Raises:
        UnusableInputError: the file is missing, unreadable or not an ASC-WDS bulk-upload file.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnusableInputError(path, f"cannot be read ({error.strerror or error})") from error
    return parse_ascwds_bytes(data, name=str(path))


def parse_ascwds_bytes(data: bytes, *, name: str) -> InputFile:
    """Recognise and check the bytes of one uploaded file (see :func:`read_ascwds_file`)."""
    try:
        table = read_csv_table(data)
    except UnreadableFileError as error:
        raise UnusableInputError(name, str(error)) from error
    kind = detect_file_kind(table.header)
    if kind is None:
        raise UnusableInputError(
            name,
            "the header row is not that of an ASC-WDS workplace, staff or training file "
            f"(it starts '{','.join(table.header[:4])}')",
        )
    problem = header_problem(kind, table.header)
    if problem is not None:
        raise UnusableInputError(
            name, f"the header row of this {kind.value} file is wrong: {problem}"
        )
    return InputFile(
        raw=RawFile(kind=kind, name=name, frame=table.frame),
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=table.encoding,
    )


def sort_file_set(files: list[InputFile]) -> dict[FileKind, InputFile]:
    """Check a set of files has one workplace file, one staff file and at most one training file.

    Raises:
        UnusableInputError: a kind of file is repeated, or the workplace or staff file is missing.
    """
    by_kind: dict[FileKind, InputFile] = {}
    for file in files:
        if file.raw.kind in by_kind:
            raise UnusableInputError(
                file.path,
                f"is a second {file.raw.kind.value} file (the first was {by_kind[file.raw.kind].path}); "
                "give one file of each kind",
            )
        by_kind[file.raw.kind] = file
    for required in (FileKind.WORKPLACE, FileKind.STAFF):
        if required not in by_kind:
            names = ", ".join(f.path for f in files) or "no files"
            raise UnusableInputError(names, f"there is no {required.value} file among the inputs")
    return by_kind
