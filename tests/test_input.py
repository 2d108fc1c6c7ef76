"""The same book in any encoding, line ending or space gives identical JSON; bad input a clean error."""

import json

import pytest
from click.testing import CliRunner

from xianjice.extract.book import extract_compilation
from xianjice.extract.serialize import compilation_to_json
from xianjice.extract.text import decode
from xianjice.cli import cli


def as_json(text, source="book.txt"):
    return json.dumps(compilation_to_json(extract_compilation(text, source=source)), ensure_ascii=False)


@pytest.fixture(scope="module")
def reference(seed_text):
    return as_json(seed_text)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le-no-bom", "crlf", "cr-gb18030"],
)
def test_encodings_and_line_ends_give_identical_json(seed_text, reference, encode):
    assert as_json(decode(encode(seed_text), source="book.txt")) == reference


def test_full_width_and_ideographic_spaces_give_identical_json(seed_text, reference):
    assert as_json(seed_text.replace(" ", "\u3000")) == reference
    assert as_json(seed_text.replace(" ", "  ")) == reference


BAD = [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\n \r\n", "the file is empty"),
    ("binary.bin", bytes(range(256)) * 8, "binary data"),
    ("notoc.txt", "这是一篇没有目录的文章。\n第二段。\n".encode(), "no table of contents"),
]


@pytest.mark.parametrize("name, data, problem", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_clean_line_and_exit_2(tmp_path, name, data, problem):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {path}: ")
    assert problem in lines[0]
    assert "Traceback" not in result.output


def test_file_cut_inside_front_matter(tmp_path, seed_text):
    cut = "\n".join(seed_text.splitlines()[:90])
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    assert "ends inside its front matter" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_directory_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 2
