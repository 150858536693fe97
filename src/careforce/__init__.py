"""careforce: social care workforce intelligence and planning."""

import os

__version__ = "0.1.0"

MEMORY_RELEASE = "background_thread:true,dirty_decay_ms:500,muzzy_decay_ms:0"
"""How Polars' allocator (jemalloc) gives freed memory back: within half a second, by a
background thread. Its default keeps freed pages for ten seconds, so the steps of one large
ingestion (reading, validating, building datasets) stack up; this keeps a 1.4-million-record
upload's peak under 2 GiB. Set before Polars is first imported; an ``_RJEM_MALLOC_CONF``
already in the environment wins."""

os.environ.setdefault("_RJEM_MALLOC_CONF", MEMORY_RELEASE)
