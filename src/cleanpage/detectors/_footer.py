"""Footer signals shared by the copyright (C10), filing (C11) and contact (C12) detectors.

Patterns are written on the shadow (lower case, Simplified, half-width), from
the chrome catalogue §C11. Numbers are kept as printed; cuts are made on the
original text at the same offsets.
"""

from __future__ import annotations

import re

from ._shapes import phrase_pattern

PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕甘青宁新陇"
FILINGS: dict[str, re.Pattern[str]] = {
    "icp": re.compile(rf"[{PROVINCES}]\s*icp\s*备\s*(?:案\s*)?(?:号\s*)?:?\s*\d{{5,10}}\s*号?(?:\s*-\s*\d{{1,3}})?"),
    "icp_licence": re.compile(
        rf"[{PROVINCES}]\s*icp\s*(?:证|经营许可证)\s*:?\s*(?:\d{{5,10}}\s*号?(?:\s*-\s*\d{{1,3}})?|[{PROVINCES}]?\s*b[12]\s*-\s*\d{{8}})"
    ),
    "telecom_licence": re.compile(rf"[{PROVINCES}]\s*b[12]\s*-\s*\d{{8}}"),
    "psb": re.compile(rf"[{PROVINCES}]\s*公(?:网|安网)安?备(?:案)?(?:号)?\s*:?\s*\d{{14}}\s*号?"),
    "psb_old": re.compile(r"公安机关备案(?:号|编号)\s*:?\s*\d{8,14}(?:-\d{3,6})?"),
    "gov_site_code": re.compile(r"(?:政府)?网站标识码\s*:?\s*(?:bm)?\d{8,10}"),
    "news_licence": re.compile(r"互联网新闻信息服务许可证(?:编号)?\s*:?\s*\d{11}"),
}
# Every filing pattern above needs one of these; a line without any has no filing number.
FILING_HINT = re.compile(r"icp|b[12]|公(?:网|安网)|公安机关备案|网站标识码|许可证")
LICENCE_WORDS = re.compile(r"(?:信息网络传播视听节目许可证|广播电视节目制作经营许可证|网络文化经营许可证|出版物经营许可证|"
                           r"互联网药品信息服务资格证书|增值电信业务经营许可证|电信增值业务经营许可证)")
REPORT = re.compile(r"(?:违法(?:和|与|及)不良信息|不良信息|有害信息)举报(?:电话|中心|邮箱|专区)?|网络110报警服务|中国互联网举报中心")
COPYRIGHT = re.compile(r"版权所有|著作权所有|copyright|all\s*rights\s*reserved|©|\(c\)|（c）|翻印必究")
YEAR = re.compile(r"(?:19|20)\d{2}")
COMPANY = re.compile(r"公司|集团|有限|inc\b|ltd|limited|corporation|网|报社|传媒|中心|电视台|出版社|委员会|政府|办公室|局|厅")
DOMAIN = re.compile(r"[a-z0-9-]+\.(?:com|cn|net|org|gov|edu|hk|tw)\b")
# One optional dash run between the spaces: ``\s*[-—·|]*\s*`` backtracks quadratically on a line of spaces.
CONTACT_LABEL = re.compile(
    r"^\s*(?:[-—·|]+\s*)?(?:主办|承办|协办|运营|主管|主办单位|承办单位|协办单位|运营单位|主管单位|维护单位|发行单位|主办方|"
    r"技术支持|技术支援|网站建设|设计制作|网站设计|网站维护|powered\s*by|联系我们|联系电话|联系方式|电话|地址|通讯地址|邮编|"
    r"传真|e-?mail|邮箱|电子邮箱|客服电话|客服邮箱|工作时间|服务时间|关于我们|网站地图|建议使用|建议您使用|您是本站第|访问量|"
    r"浏览人次|网站访问量|版权声明|免责声明|隐私政策|隐私权(?:保护)?政策|网站导览|资讯安全政策|政府网站资料开放宣告|"
    r"(?:本网站|本站)建议(?:您)?使用)"
)
# The same disclaimers in the shapes sites vary them in (on the folded line): 不代表虎踞立场, 未经本网授权不得转载,
# 如对本稿件有异议或投诉，请联系.
DISCLAIMER_SHAPES = (r"不代表\S{1,10}?(?:观点|立场)|未经\S{0,4}?(?:授权|许可|允许|同意)\S{0,6}?(?:不得|禁止|请勿|严禁)(?:转载|复制|转贴|使用)|"
                     r"如对本(?:稿件|文|内容)有(?:异议|疑问)")
DISCLAIMERS = phrase_pattern((
    "未经授权禁止转载", "未经授权不得转载", "未经许可不得转载", "未经授权不得复制", "转载请注明出处", "如需转载请联系",
    "仅代表作者本人", "仅代表作者个人观点", "仅代表作者观点", "不代表本站观点", "未经许可,不得转载", "未经授权,不得转载", "不代表本网观点", "不代表本网站观点", "不代表本平台立场",
    "仅提供信息存储空间服务", "系信息发布平台", "如有侵权请联系删除", "如有侵权,请联系删除", "如有侵权，请联系删除",
    "转载目的在于传递更多信息", "并不代表本网赞同其观点", "市场有风险,投资需谨慎", "市场有风险，投资需谨慎", "不构成投资建议",
    "用户上传并发布", "本平台仅提供信息存储服务", "据此操作,风险自担", "据此操作，风险自担", "版权归原作者所有",
    "文章来源于网络", "图片来自网络,侵删", "图片来自网络，侵删", "本站郑重声明", "投资有风险,请审慎评估", "投资有风险，请审慎评估",
    "翻印必究", "本网站所刊登的各种新闻", "非经授权,不得转载", "非经授权，不得转载", "only provides information storage services",
    # the opinion disclaimer of a guest post or a community piece, in the languages a crawl meets (folded)
    "do not necessarily reflect", "does not necessarily reflect", "gibt die meinung des autors wieder",
    "nicht notwendigerweise die der redaktion", "ne reflètent pas nécessairement",
), DISCLAIMER_SHAPES)
# The page-generation statistics forum and CMS engines print in their footer (Discuz: ``GMT+8, 2015-11-2 14:37,
# Processed in 0.031 second(s), 9 queries``): no article reports its own rendering time in these words.
PAGE_STATS = re.compile(r"processed\s+in\s+\d+(?:\.\d+)?\s*s(?:ec(?:ond)?)?(?:\(s\)|s)?\b|页面执行时间|页面执行耗时|"
                        r"页面(?:生成|执行)(?:时间|耗时)?\s*:?\s*\d+(?:\.\d+)?\s*秒")
ORGANISER = re.compile(r"(?:主办单位|主办|主办方)\s*[:︰﹕]?\s*(?P<org>[^\s|丨:︰﹕]{2,40})")


def filings_in(shadow: str) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` of every filing or licence number in a line."""
    found: list[tuple[str, int, int]] = []
    if not FILING_HINT.search(shadow):
        return found
    for kind, pattern in FILINGS.items():
        for match in pattern.finditer(shadow):
            if not any(s <= match.start() < e for _, s, e in found):
                found.append((kind, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def is_footer_line(shadow: str) -> bool:
    """A strong site-footer signal: copyright, a filing number or a report line."""
    return bool(filings_in(shadow) or REPORT.search(shadow) or LICENCE_WORDS.search(shadow)
                or (COPYRIGHT.search(shadow) and (YEAR.search(shadow) or "版权所有" in shadow)))
