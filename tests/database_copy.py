"""A copy of the whole test database, kept in memory and put back in place of whatever is there:
tests that need the same data in committed rows (the browser tests, whose live server reads the
database through connections of its own) build the data once and start from the copy, instead
of building it through the services before each test.

SQLite copies with its backup API (every table, ``sqlite_sequence`` included, so new rows get
the same ids as after a fresh build); PostgreSQL copies each table with ``COPY`` and sets the
sequences to the highest id, as after a fresh build.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass(frozen=True)
class DatabaseCopy:
    """The rows of every table (SQLite: the whole database, in memory) and the media folder."""

    sqlite: sqlite3.Connection | None
    tables: dict[str, bytes]
    media: Path
    media_copy: Path


def _model_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def copy_database(media: Path, keep: Path) -> DatabaseCopy:
    """Copy the test database's rows and the media folder (``media``, copied into ``keep``)."""
    if media.exists():
        shutil.copytree(media, keep, dirs_exist_ok=True)
    else:
        keep.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(memory)
        return DatabaseCopy(sqlite=memory, tables={}, media=media, media_copy=keep)
    tables: dict[str, bytes] = {}
    with connection.cursor() as cursor:
        raw: Any = cursor.cursor
        for table in _model_tables():
            name = connection.ops.quote_name(table)
            with raw.copy(f"COPY {name} TO STDOUT") as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
    return DatabaseCopy(sqlite=None, tables=tables, media=media, media_copy=keep)


def restore_database(saved: DatabaseCopy) -> None:
    """Put the copied rows back in place of every row of the test database, and the copied media
    files back over the media folder (files written since stay: their rows are gone)."""
    shutil.copytree(saved.media_copy, saved.media, dirs_exist_ok=True)
    connection.ensure_connection()
    if saved.sqlite is not None:
        saved.sqlite.backup(connection.connection)
        return
    with transaction.atomic(), connection.cursor() as cursor:
        raw: Any = cursor.cursor
        names = ", ".join(connection.ops.quote_name(table) for table in _model_tables())
        cursor.execute(f"TRUNCATE {names}")
        # Rows go back table by table: foreign keys are not checked while they do (the
        # cluster's user is its superuser), and the rows were consistent when copied.
        cursor.execute("SET LOCAL session_replication_role = replica")
        for table, data in saved.tables.items():
            with raw.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN") as copy:
                copy.write(data)
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
