"""The tools the text benchmark runs side by side: ours and its peers (see ``tools.py``)."""
