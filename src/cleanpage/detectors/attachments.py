"""C18 attachment download lists that repeat the document's own attachments.

Government and regulator pages print a notice's attachments twice: once in the document itself
(``附件：1.抽查名单`` / ``2.汇总表``, above the issuing body and the date) and once more as the site's
download widget after it (``相关附件：`` then one line per file, ``附件1：抽查名单.xlsx``). The second
list is site chrome.

Removes, in TAIL only: a download-list heading (``相关附件``, ``附件下载``, ``下载附件``, ``相关文件``,
``附件``; Traditional forms fold to these) and the file lines right under it, when every one of those
lines names a file (an extension such as ``.pdf``/``.docx``/``.xlsx``, an optional size) and every file's
title is already on a list line above the heading (a short line, not a sentence).

Never removes: the document's own attachment list; a download list that is the only place its files
are listed (a press release's ``附件：`` over its PDF is content); a list whose files the text above only
mentions in a sentence; a heading without file lines; a list with one file not listed above; anything
before the end of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector
from ._shapes import normalized

HEADING = re.compile(r"^(?:相关附件|附件下载|下载附件|相关文件|相关文件下载|附件|附件列表)[:︰﹕]?$")
EXTENSIONS = r"pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|txt|jpe?g|png|csv"
FILE_LINE = re.compile(
    rf"^(?:附件\s*\d{{1,2}}\s*[:︰﹕]?\s*|\d{{1,2}}\s*[.、]\s*)?(?P<title>.+?)\s*\.(?:{EXTENSIONS})"
    r"\s*(?:[(\[]\s*[\d.]+\s*[kmg]?b?\s*[)\]])?$"
)
MIN_TITLE = 4  # characters a file title needs before it counts as already listed
MAX_LIST_LINE = 80
MAX_LISTS = 3


@register_detector
class RepeatedAttachments(Detector):
    """A trailing download list that repeats the attachments the document already named (C18)."""

    name = "attachments"
    family = "C18"
    order = 46

    def detect(self, page: Page) -> Iterable[Finding]:
        lists = 0
        for position in range(max(page.last_body + 1, 0), len(page.blocks)):
            if not HEADING.match(page.compact(page.blocks[position])):
                continue
            files = self._file_lines(page, position + 1)
            lists += bool(files)
            if lists > MAX_LISTS:
                return  # a page is not a pile of download lists: the listing above would be read again for each
            if files and self._all_listed_above(page, position, files):
                for line in (position, *(line for line, _ in files)):
                    yield Drop(page.blocks[line], "C18.attachment_list", "download list repeating the attachments")

    @staticmethod
    def _file_lines(page: Page, start: int) -> list[tuple[int, str]]:
        """The file lines right after a heading, with each file's title."""
        found = []
        for position in range(start, len(page.blocks)):
            match = FILE_LINE.match(page.shadow(page.blocks[position]).strip())
            if not match:
                break
            found.append((position, match["title"]))
        return found

    @staticmethod
    def _all_listed_above(page: Page, heading: int, files: list[tuple[int, str]]) -> bool:
        """Every title is in a list line above (short, not a sentence): a sentence that only mentions
        a file does not make the download list a repeat."""
        listed = [normalized(page.shadow(block)) for block in page.blocks[:heading]
                  if page.features(block).vlen <= MAX_LIST_LINE and not page.features(block).sentence_like]
        return all(len(title) >= MIN_TITLE and any(title in line for line in listed)
                   for title in (normalized(title) for _, title in files))
