"""Front matter without CIP data: the cover gives title, compiler and publisher."""

import pytest

from xianjice.extract.book import extract_compilation

CONTENTS = """
- 关于海关大监管体系建设的思考
..... 北京海关 王绍波 / 1
- 改革办案模式 防范两大风险
..... 天津海关 李明 / 9
"""


@pytest.mark.parametrize(
    "cover, title, compiler",
    [
        (["献计策优秀征文汇编", "海关总署办公厅◎编", "中国海关出版社"], "献计策优秀征文汇编", "海关总署办公厅"),
        (["海关工作", "优秀征文选编", "某某海关课题组编", "中国海关出版社"], "海关工作优秀征文选编", "某某海关课题组"),
        (["献计策文集", "张三 主编", "中国海关出版社"], "献计策文集", "张三"),
    ],
)
def test_cover_without_cip(cover, title, compiler):
    c = extract_compilation("\n\n".join(cover) + "\n" + CONTENTS, source="cover.txt")
    assert (c.book.title, c.book.compiler, c.book.publisher) == (title, compiler, "中国海关出版社")
    assert c.unparsed == ()
