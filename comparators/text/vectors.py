"""Sentence vectors of two texts in one tf-idf space (sparse, numpy/scipy).

A sentence is a bag of *features*: its content units (stop words and common phrases left out)
and the bigrams of consecutive units (weighted by ``bigram_weight``; they reward preserved word
order without being required). Inverse frequencies are counted over the sentences of both texts
together (tf-isf), so words that run through both documents weigh little.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class SentenceSpace:
    """Row-normalised tf-idf matrices of the sentences of A and B, and their raw weights.

    ``a``/``b``: (sentences × features) tf-idf, rows of unit length; ``a_raw``/``b_raw``: the
    same before normalisation (sums of rows give passage vectors); ``a_bin``/``b_bin``: unigram
    presence (for the Dice coefficient); ``a_size``/``b_size``: distinct unigrams per sentence.
    """

    a: sparse.csr_matrix
    b: sparse.csr_matrix
    a_raw: sparse.csr_matrix
    b_raw: sparse.csr_matrix
    a_bin: sparse.csr_matrix
    b_bin: sparse.csr_matrix
    a_size: np.ndarray
    b_size: np.ndarray
    _grams: list = field(default_factory=list, repr=False, compare=False)
    _box: list = field(default_factory=list, repr=False, compare=False)

    def focus(self, a0: int, a1: int, b0: int, b1: int) -> None:
        """Declare that passages lie within sentences ``[a0, a1)`` of A and ``[b0, b1)`` of B."""
        self._box[:] = [a0, a1, b0, b1]
        self._grams.clear()

    def grams(self) -> tuple[int, int, np.ndarray, np.ndarray, np.ndarray] | None:
        """(first A row, first B row, prefix sums of A·Bᵀ, A·Aᵀ, B·Bᵀ) over the focus box, or
        None when the box is too large to hold densely."""
        if not self._grams:
            a0, a1, b0, b1 = self._box or [0, self.a_raw.shape[0], 0, self.b_raw.shape[0]]
            n_a, n_b = a1 - a0, b1 - b0
            if max(n_a * n_b, n_a * n_a, n_b * n_b) > _DENSE_LIMIT:
                self._grams.append(None)
            else:
                ra, rb = self.a_raw[a0:a1], self.b_raw[b0:b1]
                self._grams.append((a0, b0, *(_prefix((x @ y.T).toarray()) for x, y in
                                              ((ra, rb), (ra, ra), (rb, rb)))))
        return self._grams[0]


def sentence_features(units: np.ndarray, keep: np.ndarray, sent: np.ndarray,
                      bigram_weight: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(row, feature, weight) triples of every sentence, and a unigram mask over them.

    ``keep`` marks the tokens that count (content units); bigrams join consecutive kept tokens
    of the same sentence.
    """
    n = units.shape[0]
    row_of = np.repeat(np.arange(len(sent) - 1), np.diff(sent))[:n]
    idx = np.flatnonzero(keep)
    uni_rows = row_of[idx]
    uni_feat = units[idx].astype(np.uint64)
    if idx.size > 1 and bigram_weight > 0:
        same = uni_rows[1:] == uni_rows[:-1]
        with np.errstate(over="ignore"):
            big = (uni_feat[:-1] * _MIX + uni_feat[1:]) | np.uint64(1 << 63)
        big_rows = uni_rows[1:][same]
        big_feat = big[same]
    else:
        big_rows = np.zeros(0, np.int64)
        big_feat = np.zeros(0, np.uint64)
    rows = np.concatenate((uni_rows, big_rows))
    feats = np.concatenate((uni_feat, big_feat))
    weights = np.concatenate((np.ones(len(uni_rows)), np.full(len(big_rows), bigram_weight)))
    is_uni = np.concatenate((np.ones(len(uni_rows), bool), np.zeros(len(big_rows), bool)))
    return rows, feats, weights, is_uni


def build_space(fa: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], n_a: int,
                fb: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], n_b: int) -> SentenceSpace:
    """The joint tf-idf space of two texts' sentence features (from :func:`sentence_features`)."""
    feats = np.concatenate((fa[1], fb[1]))
    vocab, col = np.unique(feats, return_inverse=True)
    col_a, col_b = col[: len(fa[1])], col[len(fa[1]):]
    m = len(vocab)
    tf_a = sparse.csr_matrix((fa[2], (fa[0], col_a)), shape=(n_a, m))
    tf_b = sparse.csr_matrix((fb[2], (fb[0], col_b)), shape=(n_b, m))
    df = np.asarray((tf_a > 0).sum(axis=0)).ravel() + np.asarray((tf_b > 0).sum(axis=0)).ravel()
    idf = np.log((n_a + n_b + 1) / (df + 1)) + 1.0
    raw_a = tf_a.multiply(idf).tocsr()
    raw_b = tf_b.multiply(idf).tocsr()
    bin_a = sparse.csr_matrix((np.ones(int(fa[3].sum())), (fa[0][fa[3]], col_a[fa[3]])), shape=(n_a, m))
    bin_b = sparse.csr_matrix((np.ones(int(fb[3].sum())), (fb[0][fb[3]], col_b[fb[3]])), shape=(n_b, m))
    bin_a.data[:] = 1.0
    bin_b.data[:] = 1.0
    bin_a.sum_duplicates()
    bin_b.sum_duplicates()
    bin_a.data[:] = 1.0
    bin_b.data[:] = 1.0
    return SentenceSpace(_unit_rows(raw_a), _unit_rows(raw_b), raw_a, raw_b, bin_a, bin_b,
                         np.asarray(bin_a.sum(axis=1)).ravel(), np.asarray(bin_b.sum(axis=1)).ravel())


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


_DENSE_LIMIT = 4_000_000  # Gram-matrix cells computed densely (32 MB of float64)


def _prefix(gram: np.ndarray) -> np.ndarray:
    """2-D prefix sums with a zero first row and column (integral image)."""
    out = np.zeros((gram.shape[0] + 1, gram.shape[1] + 1))
    out[1:, 1:] = gram.cumsum(axis=0).cumsum(axis=1)
    return out


def _block(prefix: np.ndarray, r0: int, r1: int, c0: int, c1: int) -> float:
    return float(prefix[r1, c1] - prefix[r0, c1] - prefix[r1, c0] + prefix[r0, c0])


def passage_cosine(space: SentenceSpace, a0: int, a1: int, b0: int, b1: int) -> float:
    """Cosine of the summed tf-idf vectors of sentences ``[a0, a1)`` of A and ``[b0, b1)`` of B.

    The dot product of two sums of rows is a block sum of the Gram matrix, so with prefix sums
    of the three Gram matrices (A·B, A·A, B·B; computed once per comparison while they stay
    small) every passage costs O(1); larger texts sum sparse rows instead.
    """
    grams = space.grams()
    if grams is not None:
        oa, ob, ab, aa, bb = grams
        a0, a1, b0, b1 = a0 - oa, a1 - oa, b0 - ob, b1 - ob
        dot = _block(ab, a0, a1, b0, b1)
        na, nb = _block(aa, a0, a1, a0, a1), _block(bb, b0, b1, b0, b1)
        if na <= 0 or nb <= 0:
            return 0.0
        return min(1.0, max(0.0, dot / np.sqrt(na * nb)))
    va = np.asarray(space.a_raw[a0:a1].sum(axis=0)).ravel()
    vb = np.asarray(space.b_raw[b0:b1].sum(axis=0)).ravel()
    na, nb = float(np.linalg.norm(va)), float(np.linalg.norm(vb))
    if na == 0 or nb == 0:
        return 0.0
    return float(va @ vb / (na * nb))
