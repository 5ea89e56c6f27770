"""Tiny JSON helpers (public-domain snippet bundled by both parties)."""

import json


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def dump(data, path):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
