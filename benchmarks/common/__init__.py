"""What every medium's benchmark shares, so that each ``benchmarks/<medium>/`` keeps only its own part.

- :mod:`common.measures` — ROC AUC, best F1 with its threshold, precision at a recall, P/R/F1 at a
  threshold, and 95 % intervals (Hanley–McNeil / Wilson, the same functions the report uses);
- :mod:`common.results` — the marked sections of a ``RESULTS.md`` and its markdown tables;
- :mod:`common.machine` — the run header: machine, load, package versions;
- :mod:`common.peers` — the contract a peer adapter implements (one pair in, one score out);
- :mod:`common.speed` — timing a command under ``/usr/bin/time -v`` with its process tree's peak RSS.

Scripts put ``benchmarks/`` on ``sys.path`` and import ``common.<module>``. PlagDet stays with the
text benchmark (``benchmarks/text/plagdet.py``): it is the text medium's measure.
"""
