"""Write a synthetic compilation in the seed's layout with N essays.

The front matter is the seed's (with the preface counts changed to fit),
the contents list N essays over several tiers, each tier in the customs
system's usual order of units drawn from the gazetteer, and every essay has
a body recombined from the seed's own sentences: every paragraph is new
text (so no cache can make segmentation look cheaper than it is), and one
in ten is split by a page break in mid-sentence.  The output depends only
on ``--essays`` and ``--seed``.

Usage::

    python bench/make_corpus.py --essays 600 -o /tmp/corpus-600.txt
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path


from xianjice.extract.gazetteer import KINDS, load_gazetteer  # noqa: E402
from xianjice.extract.text import normalise_lines  # noqa: E402
from xianjice import bundled_seed  # noqa: E402

#: Gazetteer kinds whose organisations author essays, and the kind that gets sub-unit suffixes.
UNIT_KINDS = ("customs", "regional", "school", "department", "centre")
SUFFIXED_KIND = "customs"
SUFFIXES = ["", "", "", "综合统计处", "风险管理处", "监管通关处", "稽查处", "法规处", "缉私局", "办公室", "课题组", "关税处"]
TITLE_HEADS = ["完善", "创新", "深化", "构建", "关于加强", "推进", "探索", "优化", "健全", "提升"]
TITLE_TOPICS = ["海关大监管体系", "风险管理机制", "通关无纸化改革", "加工贸易监管", "海关统计服务能力", "党建工作管理体制",
                "企业分类管理", "队伍建设", "教育培训工作", "电子口岸建设", "税收征管", "廉政风险防控", "后勤保障", "口岸管理体制"]
TITLE_TAILS = ["的几点思考", "的对策建议", "的实践与思考", "的若干问题研究", "", "的探索", "，防范两大风险", "的理性分析"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌宇浩凯健俊帆帅旭宁龙林欣晨"
TIERS = [("一等奖", 0.1), ("二等奖", 0.3), ("三等奖", 0.6)]
CN_TIER = {"一等奖": "一", "二等奖": "二", "三等奖": "三"}


def seed_parts() -> tuple[list[str], list[list[str]]]:
    """The seed's front matter lines (up to its preface) and its body paragraphs, grouped by section."""
    raw = bundled_seed().read_text(encoding="utf-8").splitlines()
    lines = normalise_lines("\n".join(raw))
    preface_start = next(i for i, line in enumerate(lines) if line == "序")
    body_start = next(i for i, line in enumerate(lines) if i > 230 and line.startswith("完善海关系统党组织"))
    paragraphs = [line for line in lines[body_start:] if len(line) > 30]
    sentences = sorted({s + "。" for p in paragraphs for s in p.split("。") if len(s) > 8})
    headings = [line for line in lines[body_start:] if line[:2] in ("一、", "二、", "三、")]
    return raw[:preface_start], [sentences, headings]


def person(rng: random.Random) -> str:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
    return f"{name[0]} {name[1]}" if len(name) == 2 and rng.random() < 0.5 else name


def printed_unit(org, suffix: str) -> str:
    """The unit as a contents line prints it: a department as 总署 + its short alias (总署加贸司), others by name."""
    if org.kind != "department":
        return org.name + suffix
    short = next((a for a in org.aliases if not a.startswith("海关总署")), org.name)
    return "总署" + short + suffix


def make_corpus(n: int, *, seed: int = 0) -> str:
    rng = random.Random(seed)
    gaz = load_gazetteer()
    assert set(UNIT_KINDS) <= KINDS, f"not gazetteer kinds: {sorted(set(UNIT_KINDS) - KINDS)}"
    units = [o for o in gaz.organisations if o.kind in UNIT_KINDS and o.order]
    missing = sorted(set(UNIT_KINDS) - {o.kind for o in units})
    assert not missing, f"the gazetteer has no ordered organisations of kind {missing}"
    front, (sentences, headings) = seed_parts()
    counts = [int(n * share) for _, share in TIERS]
    counts[-1] += n - sum(counts)
    tiers = [(label, count) for (label, _), count in zip(TIERS, counts) if count > 0]
    submitted = n * 3
    prizes = "，".join(f"{label}{count}篇" for label, count in tiers)
    included = "、".join(CN_TIER[label] for label, _ in tiers)
    out = list(front)
    out += ["", "序", "",
            f"总署共收到{len(units)}个海关单位报送的征文{submitted}篇。评出{prizes}。现将评选出的{included}等奖共{n}篇文章汇编成册。",
            "", "海关总署学习实践活动", "领导小组办公室", "二〇〇九年八月", "", ""]
    essays = []
    page = 1
    for label, count in tiers:
        chosen = sorted((rng.choice(units) for _ in range(count)), key=lambda o: gaz.order_key(gaz.path(o.name)))
        for k, org in enumerate(chosen):
            seq = len(essays) + 1
            title = f"{rng.choice(TITLE_HEADS)}{rng.choice(TITLE_TOPICS)}{rng.choice(TITLE_TAILS)}（{seq}）"
            suffix = rng.choice(SUFFIXES) if org.kind == SUFFIXED_KIND else ""
            unit = printed_unit(org, suffix)
            authors = [] if suffix.endswith(("处", "室", "局", "组")) else [person(rng) for _ in range(rng.choice([1, 1, 2, 3]))]
            essays.append((title, unit, authors, page))
            page += rng.randint(3, 9)
        out.append("")
    for title, unit, authors, p in essays:
        byline = " ".join([unit, *authors])
        if len(title) > 24 and rng.random() < 0.5:
            out += [f"- {title[:20]}", f" {title[20:]} {byline} / {p}"]
        else:
            out += [f"- {title}", f"..... {byline} / {p}"]
    out += ["", "附:", "", "- 海关总署关于开展“我为海关工作献计策” 征文活动的通知", f" {page}", ""]
    for title, unit, authors, _ in essays:
        out += [title, "", " ".join([unit, *authors]), ""]
        for h in range(rng.randint(2, 3)):
            out += [headings[h % len(headings)], ""]
            for _ in range(rng.randint(2, 5)):
                # a new paragraph of the seed's sentences: unique text, as in a real book
                paragraph = "".join(rng.choice(sentences) for _ in range(rng.randint(3, 8)))
                if rng.random() < 0.1:  # a page break in mid-sentence
                    cut = rng.randint(10, len(paragraph) - 10)
                    out += [paragraph[:cut], ""]
                    paragraph = paragraph[cut:]
                out += [paragraph, ""]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--essays", type=int, required=True, help="number of essays")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("-o", "--output", required=True, help="file to write (UTF-8)")
    args = parser.parse_args(argv)
    Path(args.output).write_text(make_corpus(args.essays, seed=args.seed), encoding="utf-8")


if __name__ == "__main__":
    main()
