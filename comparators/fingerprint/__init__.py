"""Fingerprint helpers shared by the comparators: token hashing, MinHash, winnowing, tiling."""
