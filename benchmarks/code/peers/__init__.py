"""Peer tools run side by side with the workbench's code comparator in the benchmark."""
