"""Batch running: listed pairs and many-vs-many comparisons for scripts.

- :mod:`~appraisal.batch.engine` — ``--pairs`` and many-vs-many with signature retrieval,
  resumable JSON lines, a process pool or a Dask scheduler;
- :mod:`~appraisal.batch.progress` — the progress bar the CLI hands in (silent off a terminal).

May import :mod:`comparators`; never touches a case folder and never prints results (the CLI does).
"""
