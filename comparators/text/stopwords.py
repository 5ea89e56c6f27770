"""Function words that carry no evidence of copying on their own, per language.

English: articles, pronouns, auxiliaries, prepositions, conjunctions and the commonest adverbs.
Chinese: single function characters (particles, pronouns, the commonest verbs and measure
words); Chinese is compared by characters, so the list is of characters, not words.
"""

from __future__ import annotations

ENGLISH = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up upon very was we were what when where which while who whom why will
with would you your yours yourself yourselves shall may might must one ever every o oh thus thee
thou thy ye unto yet whose let said say says
""".split())

CHINESE = frozenset(
    "的了是在和也就都而及与着之其或把被让给这那一不有我你他她它们个上下中为以于所等"
    "吗呢吧啊呀么乎者也矣焉哉兮曰则且若即乃亦又很还只从对向到来去说道得地"
)


def is_stop(unit: str) -> bool:
    """True for a function word (English) or function character (Chinese)."""
    return unit in ENGLISH or unit in CHINESE
