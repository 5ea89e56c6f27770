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
    _cosines: dict = field(default_factory=dict, repr=False, compare=False)

    def focus(self, a0: int, a1: int, b0: int, b1: int) -> None:
        """Declare that passages lie within sentences ``[a0, a1)`` of A and ``[b0, b1)`` of B."""
        self._box[:] = [a0, a1, b0, b1]
        self._grams.clear()
        self._cosines.clear()  # computed over the previous box, they may differ in the last bit

    def grams(self) -> tuple[int, int, BlockSums, BlockSums, BlockSums] | None:
        """(first A row, first B row, block sums of A·Bᵀ, A·Aᵀ, B·Bᵀ) over the focus box, or
        None when the box is too large to hold densely."""
        if not self._grams:
            a0, a1, b0, b1 = self._box or [0, self.a_raw.shape[0], 0, self.b_raw.shape[0]]
            n_a, n_b = a1 - a0, b1 - b0
            if max(n_a * n_b, n_a * n_a, n_b * n_b) > _DENSE_LIMIT:
                self._grams.append(None)
            else:
                ra, rb = self.a_raw[a0:a1], self.b_raw[b0:b1]
                self._grams.append((a0, b0, *(BlockSums((x @ y.T).toarray()) for x, y in
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
    df = _positive_per_column(tf_a, m) + _positive_per_column(tf_b, m)
    idf = np.log((n_a + n_b + 1) / (df + 1)) + 1.0
    raw_a = tf_a.multiply(idf).tocsr()
    raw_b = tf_b.multiply(idf).tocsr()
    unigram = np.zeros(m, bool)
    unigram[col_a[fa[3]]] = True
    unigram[col_b[fb[3]]] = True
    bin_a, bin_b = _presence(tf_a, unigram), _presence(tf_b, unigram)
    return SentenceSpace(_unit_rows(raw_a), _unit_rows(raw_b), raw_a, raw_b, bin_a, bin_b,
                         np.diff(bin_a.indptr).astype(np.float64), np.diff(bin_b.indptr).astype(np.float64))


def _positive_per_column(m: sparse.csr_matrix, columns: int) -> np.ndarray:
    """Rows with a positive entry, per column (``(m > 0).sum(axis=0)`` of a canonical matrix)."""
    return np.bincount(m.indices[m.data > 0], minlength=columns)


def _presence(tf: sparse.csr_matrix, columns: np.ndarray) -> sparse.csr_matrix:
    """1.0 where a row of the canonical matrix ``tf`` has an entry in one of ``columns`` (a mask)."""
    keep = columns[tf.indices] & (tf.data != 0)
    rows = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))[keep]
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=tf.shape[0])))).astype(tf.indptr.dtype)
    return sparse.csr_matrix((np.ones(int(keep.sum())), tf.indices[keep], indptr), shape=tf.shape)


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return _scale_rows(m, 1.0 / norms)


def _scale_rows(m: sparse.csr_matrix, factor: np.ndarray) -> sparse.csr_matrix:
    """``sparse.diags(factor) @ m`` without a sparse product: the same products, stored in the
    order scipy's product stores them (each row's entries reversed), so that every later sum
    adds in the same order."""
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    data = factor[rows] * m.data
    if not data.all():  # the product drops zeros: leave that case to scipy
        return sparse.diags(factor) @ m
    order = m.indptr[rows] + m.indptr[rows + 1] - 1 - np.arange(m.nnz)
    return sparse.csr_matrix((data[order], m.indices[order], m.indptr.copy()), shape=m.shape)


_DENSE_LIMIT = 4_000_000  # Gram-matrix cells computed densely (32 MB of float64)


class BlockSums:
    """Sums of rectangular blocks of a dense matrix, from its 2-D prefix sums (integral image).

    The prefix sums are those of ``gram.cumsum(axis=0).cumsum(axis=1)`` bit for bit (the same
    additions in the same order), but completed lazily: the running sums down the columns are
    computed once, row by row, and a row's running sum along the columns only when a block
    first needs that row (a comparison queries a few dozen of the hundreds of rows).
    """

    def __init__(self, gram: np.ndarray) -> None:
        """``gram`` is taken over (overwritten with its running sums down the columns)."""
        for r in range(1, gram.shape[0]):  # row r becomes the sum of rows <= r, added in row order
            np.add(gram[r - 1], gram[r], out=gram[r])
        self._cols = gram
        self._rows: dict[int, np.ndarray] = {}

    def _row(self, r: int) -> np.ndarray:
        """Prefix sums of row ``r`` of the integral image (a zero first column; row 0 is zeros)."""
        row = self._rows.get(r)
        if row is None:
            row = np.zeros(self._cols.shape[1] + 1)
            if r > 0:
                np.cumsum(self._cols[r - 1], out=row[1:])
            self._rows[r] = row
        return row

    def block(self, r0: int, r1: int, c0: int, c1: int) -> float:
        """Sum of the cells of rows ``[r0, r1)`` and columns ``[c0, c1)``."""
        top, bottom = self._row(r0), self._row(r1)
        return float(bottom[c1] - top[c1] - bottom[c0] + top[c0])


def passage_cosine(space: SentenceSpace, a0: int, a1: int, b0: int, b1: int) -> float:
    """Cosine of the summed tf-idf vectors of sentences ``[a0, a1)`` of A and ``[b0, b1)`` of B.

    The dot product of two sums of rows is a block sum of the Gram matrix, so with prefix sums
    of the three Gram matrices (A·B, A·A, B·B; computed once per comparison while they stay
    small) every passage costs O(1); larger texts sum sparse rows instead. Results are kept
    per passage until the next :meth:`SentenceSpace.focus` (alignment re-validates the same
    seed groups while it narrows its gaps).
    """
    key = (a0, a1, b0, b1)
    cosine = space._cosines.get(key)
    if cosine is None:
        cosine = space._cosines[key] = _passage_cosine(space, a0, a1, b0, b1)
    return cosine


def _passage_cosine(space: SentenceSpace, a0: int, a1: int, b0: int, b1: int) -> float:
    grams = space.grams()
    if grams is not None:
        oa, ob, ab, aa, bb = grams
        a0, a1, b0, b1 = a0 - oa, a1 - oa, b0 - ob, b1 - ob
        dot = ab.block(a0, a1, b0, b1)
        na, nb = aa.block(a0, a1, a0, a1), bb.block(b0, b1, b0, b1)
        if na <= 0 or nb <= 0:
            return 0.0
        return min(1.0, max(0.0, dot / np.sqrt(na * nb)))
    return summed_cosine(space, a0, a1, b0, b1)


def summed_cosine(space: SentenceSpace, a0: int, a1: int, b0: int, b1: int) -> float:
    """:func:`passage_cosine` from the sparse rows themselves (any passage, no focus box, no cache)."""
    va = np.asarray(space.a_raw[a0:a1].sum(axis=0)).ravel()
    vb = np.asarray(space.b_raw[b0:b1].sum(axis=0)).ravel()
    na, nb = float(np.linalg.norm(va)), float(np.linalg.norm(vb))
    if na == 0 or nb == 0:
        return 0.0
    return float(va @ vb / (na * nb))
