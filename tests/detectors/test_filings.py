"""C11 filings: ICP, public-security, licence numbers and report lines go and are harvested; sentences citing them stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _filings(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "filings"}


def test_spaced_and_suffixed_numbers_are_removed_and_harvested(kit: SimpleNamespace) -> None:
    footer = ["备案号：闽ICP备 2021012345号-2", "闽公网安备 35020302001234号", "增值电信业务经营许可证：闽B2-20100123",
              "網路違法和不良信息舉報電話：0592-12345"]
    doc = cleanpage.clean(kit.page(footer=footer), kind="text")
    assert _filings(doc) == {footer[0]: "C11.icp", footer[1]: "C11.psb", footer[2]: "C11.telecom_licence",
                             footer[3]: "C11.report"}
    assert doc.metadata.icp == "闽ICP备 2021012345号-2"
    assert doc.metadata.filings["psb"] == ["闽公网安备 35020302001234号"]
    assert doc.text.splitlines() == kit.BODY


def test_sentences_citing_filing_numbers_are_kept(kit: SimpleNamespace) -> None:
    traps = ["经查，该网站备案号为京ICP备12345678号，已于去年被注销。", "根据规定，网站应当在首页底部标注ICP备案号和公安机关备案号。"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _filings(doc) == {}
    assert doc.metadata.icp is None
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]
