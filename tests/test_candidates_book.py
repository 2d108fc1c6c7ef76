"""Candidates on a generated book, checked against a list read and judged by hand (issue 16).

``tests/data/candidates_2000_review.tsv`` holds every candidate of a generated
2,000-essay book (``bench/make_corpus.py --essays 2000``) with a reader's
verdict, made on the word.  A smaller book of the same generator gives the
same vocabulary, so its top 100 must be terms that were read, and as many of
them accepted as were measured.
"""

import csv
import sys
from pathlib import Path

import pytest

from xianjice.extract.book import extract_compilation
from xianjice.extract.candidates import candidate_terms
from xianjice.extract.lexicon import load_lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from make_corpus import make_corpus  # noqa: E402

REVIEW = Path(__file__).with_name("data") / "candidates_2000_review.tsv"
#: Accepted terms measured in the top 100 (74 on the 2,000-essay book, 2026-11-30); the list may only improve.
MEASURED_ACCEPTED = 74


def review() -> dict[str, dict]:
    with open(REVIEW, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {r["term"]: r for r in rows}


@pytest.fixture(scope="module")
def top100():
    book = extract_compilation(make_corpus(300, seed=0), source="corpus.txt")
    return [r["term"] for r in candidate_terms(book, lexicon=load_lexicon(), top=100)]


def test_review_file_is_well_formed():
    rows = review()
    assert len(rows) >= 100
    assert {r["verdict"] for r in rows.values()} == {"accepted", "rejected"}
    assert {r["kind"] for r in rows.values()} <= {"accepted", "general", "set-phrase", "unit", "not-one-term"}
    assert all((r["verdict"] == "accepted") == (r["kind"] == "accepted") for r in rows.values())
    assert all(r["reason"] for r in rows.values() if r["verdict"] == "rejected")


def test_top_100_of_a_generated_book_were_read_and_mostly_accepted(top100):
    rows = review()
    assert len(top100) == 100
    unread = [t for t in top100 if t not in rows]
    assert not unread, f"candidates nobody has judged: {unread}"
    accepted = [t for t in top100 if rows[t]["verdict"] == "accepted"]
    assert len(accepted) >= MEASURED_ACCEPTED
    # two terms that meet or a verb phrase never reach the top 20
    assert not [t for t in top100[:20] if rows[t]["kind"] == "not-one-term"]


@pytest.mark.xfail(strict=True, reason="issue 16 asks 90 of the top 100; 74 measured: the book's pool of noun "
                                       "candidates holds 77 acceptable terms in all (see README)")
def test_ninety_of_the_top_100_are_accepted(top100):
    rows = review()
    assert sum(rows[t]["verdict"] == "accepted" for t in top100 if t in rows) >= 90
