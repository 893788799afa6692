"""C05 photo captions, credits and image-source notes: moved to ``metadata.captions``.

Handles ``▲会议现场``, ``▼ 9月24日，…``, ``图为…``, ``资料图：…``, ``图①：…``, credit lines (``本报记者 惠禾 摄``,
``小花母亲供图``, ``Foto: Galli/Malteser``), source notes (``图片来源：摄图网``, ``图源：网络``), a photo's shooting
data (``相机: Canon EOS 400D | 镜头: 17-40mm F4L | 光圈: F11 | 快门: 1/8s``), and on HTML the
captions the page marks (``<figcaption>``, and the short paragraph right under a photo's own paragraph: see
:mod:`cleanpage.segment.photo_captions`; a data table's ``<caption>`` is its title, not a photo's). By
default they leave the body and go to ``captions`` (``Config.captions``:
``move``, ``drop`` or ``keep``). A triangle glyph on a long line is not a
caption: nothing is removed there.

Never removes: geometry and legends (``△ABC中，AB=AC``, ``▲ 表示上涨``), the verb
拍摄 in a sentence (``他用三年时间拍摄了这部纪录片。``), figure references
(``如图1所示``), a sentence about settings (``光圈开到F8，快门1/125``: no labelled fields), lines longer than 80 characters (a marked caption: 80 Chinese characters or 32 Latin
words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector
from ..segment.prose import LATIN_WORD_CHARS, weight_of
from ._shapes import CLOSE, NAME, OPEN

TRIANGLE = re.compile(r"^[▲△▼]\s*(?=[\u4e00-\u9fff“「《(（]|\d{1,4}(?:年|月|日))")
LEADS = re.compile(r"^(?:(?:图为|图片为|资料图|示意图|组图|上图|下图|左图|右图|图片说明)\s*[:︰﹕]?|(?:图片|照片|图\s*(?:\d{1,2}|[①-⑳]|[一二三四五六七八九十]{1,2}))\s*[:︰﹕])")
CREDIT_TAIL = re.compile(
    rf"(?:^|\s|/|{OPEN}|[▲△。])(?:[\u4e00-\u9fff]{{0,12}}?记者)?\s*(?P<names>{NAME}(?:(?:、|\s){NAME}){{0,3}})\s*/?\s*"
    rf"(?<!拍)(?:摄|摄影|供图){CLOSE}?$"
)
# A caption that closes on its image credit in brackets: ``某地的天台座位。（图片来源：IG@…）``, ``（资料图片）``.
CREDIT_NOTE = re.compile(
    r"[(（](?:图片来源|图源|图片来自|图片提供|摄影|摄|资料图片|资料图|示意图|图片)\s*(?:[:︰﹕/]\s*[^()（）]{1,30})?[)）]$"
)
SOURCE_NOTE = re.compile(r"^(?:图片来源|图源|图片来自|图片均来自|摄影|制图|图片提供|图片作者|视频来源)\s*[:︰﹕]?|^图\s*/\s*[\u4e00-\u9fff]")
# A photo credit in the languages a crawl meets, as a line of its own (``Foto: Galli/Malteser``, ``Photo: AP``,
# ``Bild: dpa``, ``(Foto: privat)``), on the folded (lower-case) line.
_CREDIT_WORD = r"(?:fotos?|photos?|photo credit|bild|bilder|images?|credits?|crédit photo|fotograf[ií]a|foto di)"
LATIN_CREDIT = re.compile(rf"^\(?\s*{_CREDIT_WORD}\s*:\s*(?:[^\s.!?:]+\s*){{1,6}}\)?$")  # a few names or agencies, no sentence
LATIN_CREDIT_MAX = 60
# A figure's caption by its lead word (``Abbildung: Vergleich auf dem Aletschgletscher``, ``Figure 2: …``, ``Abb. 3 …``).
LATIN_FIGURE = re.compile(r"^(?:abbildung|abb\.|figure|fig\.)\s*\d{0,3}\s*[:.]\s*\S")
# A caption closing on its photo's credit (``Waren gute Freunde: Lee Elder und Gary Player. | © PGA of America via Getty
# Images``, ``Roman Prymula, photo: Archives du Gouvernement tchèque``), on the folded line.
LATIN_CREDIT_TAIL = re.compile(rf"(?:\s\|\s*©|,\s*{_CREDIT_WORD}\s*:)\s*[^.!?:|©]{{2,60}}$")
LATIN_CAPTION_MAX = 160
# Every rule above needs one of these: lines without any are never looked at.
HINT = re.compile(r"[▲△▼图摄]|照片|视频来源|:")
# A chart legend, not a caption: ``▲ 表示上涨，▼ 表示下跌``.
LEGEND = re.compile(r"^[▲△▼]\s*(?:表示|代表|为)|.[▲△▼]")
MAX_CAPTION = 80  # characters of a caption; a marked one's in Chinese-character units (a Latin word is 2.5)
# A photo's shooting data as a photo forum or gallery prints it under the picture (相机: Canon EOS 400D | 镜头: … |
# 光圈: F11 | 快门: 1/8s), on the folded line: three labelled camera fields at least.
EXIF_FIELD = re.compile(r"(?:相机|机身|镜头|光圈|快门|曝光时间|曝光补偿|感光度|iso|焦距|白平衡|测光模式|camera|lens|aperture|"
                        r"shutter(?: speed)?|focal length|exposure)\s*[:：]", re.IGNORECASE)
EXIF_FIELDS_MIN = 3
EXIF_MAX = 200


@register_detector
class Captions(Detector):
    """Photo captions, credits and image-source notes, moved out of the body (C05)."""

    name = "captions"
    family = "C05"
    order = 90

    def detect(self, page: Page) -> Iterable[Finding]:
        for block in page.blocks:
            # Length first: scanning the long body paragraphs for the hint would cost more than all the rest.
            feats = page.features(block)
            if block.kind == "caption" and feats.vlen <= MAX_CAPTION * LATIN_WORD_CHARS and weight_of(block.text) <= MAX_CAPTION \
                    and not (block.path or "").endswith("/caption"):
                yield Drop(block, "C05.marked", "a photo's caption as the page marks it (figcaption, or the short line "
                           "under a photo)", caption=True)
                continue
            if feats.vlen <= EXIF_MAX and len(EXIF_FIELD.findall(page.shadow(block))) >= EXIF_FIELDS_MIN:
                yield Drop(block, "C05.exif", "a photo's shooting data (相机: … 光圈: … 快门: …)", caption=True)
                continue
            if feats.vlen <= LATIN_CAPTION_MAX and LATIN_CREDIT_TAIL.search(page.shadow(block)):
                yield Drop(block, "C05.latin_credit_tail", "photo caption closing on its credit (| © …, photo: …)",
                           caption=True)
                continue
            if feats.vlen > MAX_CAPTION or not HINT.search(page.shadow(block)):
                continue
            shadow = page.shadow(block).strip()
            if TRIANGLE.match(shadow) and not LEGEND.search(shadow) and (feats.vlen <= 60 or CREDIT_TAIL.search(shadow)):
                yield Drop(block, "C05.triangle", "photo caption (▲…)", caption=True)
            elif SOURCE_NOTE.match(shadow) and feats.vlen <= 40:
                yield Drop(block, "C05.source_note", "image source note", caption=True)
            elif CREDIT_TAIL.search(shadow) and (LEADS.match(shadow) or feats.short):
                yield Drop(block, "C05.credit", "photo credit", caption=True)
            elif LEADS.match(shadow) and feats.vlen <= 60:
                yield Drop(block, "C05.caption", "photo caption (图为…)", caption=True)
            elif feats.vlen <= 60 and CREDIT_NOTE.search(shadow):
                yield Drop(block, "C05.credit_note", "photo caption closing on its credit (（图片来源：…）)", caption=True)
            elif feats.vlen <= LATIN_CREDIT_MAX and LATIN_CREDIT.match(shadow):
                yield Drop(block, "C05.latin_credit", "photo credit (Foto: …, Photo: …)", caption=True)
            elif LATIN_FIGURE.match(shadow):
                yield Drop(block, "C05.latin_figure", "figure caption (Abbildung: …, Figure 2: …)", caption=True)
