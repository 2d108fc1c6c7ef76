"""Hypothesis properties of the parsers."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xianjice.extract.book import extract_compilation
from xianjice.errors import XianjiceError
from xianjice.extract.text import decode
from xianjice.extract.toc import find_start, parse_contents


def toc_lines(seed_text):
    lines = seed_text.splitlines()
    return lines[104:236]  # the seed's contents and appendix list


def entries_of(lines):
    from xianjice.extract.text import normalise_line

    norm = [normalise_line(line) for line in lines]
    result = parse_contents(norm, find_start(norm))
    return [(e.title, [u.name for u in e.units], e.authors, e.page) for e in result.entries], result.unplaced


SPACES = st.sampled_from([" ", "  ", "\u3000", " \u3000", "\t", "\u00a0"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_extra_and_full_width_spaces_never_change_the_contents(seed_text, data):
    lines = toc_lines(seed_text)
    reference = entries_of(lines)
    changed = []
    for line in lines:
        parts = line.split(" ")
        out = parts[0]
        for part in parts[1:]:
            out += data.draw(SPACES) + part
        lead = data.draw(st.sampled_from(["", " ", "\u3000\u3000"]))
        changed.append(lead + out + data.draw(st.sampled_from(["", " ", "\u3000"])))
    assert entries_of(changed) == reference


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
LINE = st.lists(
    st.one_of(CJK, st.sampled_from(list(" /／-….，。、“”《》()（）0123456789")), st.sampled_from(list(string.ascii_letters))),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=30))
def test_arbitrary_text_raises_only_the_tools_own_error(lines):
    try:
        extract_compilation("\n".join(lines), source="x.txt")
    except XianjiceError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_raise_the_tools_own_error(data):
    try:
        text = decode(data, source="x.bin")
    except XianjiceError:
        return
    try:
        extract_compilation(text, source="x.bin")
    except XianjiceError:
        pass


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(alphabet=st.sampled_from(list("海关监管改革创新思考建议体系风险管理党建")), min_size=4, max_size=30),
    page=st.integers(min_value=1, max_value=999),
    sep=st.sampled_from([" / ", "／", " ／ ", "/"]),
    leader=st.sampled_from(["", "..... ", "… ", "…… ", ". . . "]),
)
def test_generated_entries_round_trip(title, page, sep, leader):
    lines = [f"- {title}", f"{leader}厦门海关稽查处 陈 明 李小红{sep}{page}"]
    result = parse_contents(lines, 0)
    (entry,) = result.entries
    assert (entry.title, entry.page, entry.authors) == (title, page, ("陈明", "李小红"))
    assert [u.name for u in entry.units] == ["厦门海关稽查处"]
