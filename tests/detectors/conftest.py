"""Shared page scaffolding for detector tests: realistic chrome around a plain article body."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

BODY = [
    "本报讯 3月5日上午，市政府召开全市优化营商环境工作推进会，总结去年工作成效，部署今年重点任务。会议指出，过去一年全市新增市场主体超过三万户，企业开办时间压缩至一个工作日以内。",
    "会议要求，各部门要坚持问题导向，围绕企业反映强烈的审批慢、办事难等问题，逐项制定整改措施，明确责任单位和完成时限，确保各项举措落地见效。",
    "会议强调，要进一步完善政企沟通机制，定期听取企业意见建议，及时回应市场主体关切，为经济社会高质量发展营造更加良好的环境。",
]
TITLE = "全市优化营商环境工作推进会召开"


def page(*, head: list[str] | None = None, title_area: list[str] | None = None, body_insert: list[str] | None = None,
         tail: list[str] | None = None, footer: list[str] | None = None) -> str:
    """A text dump: head chrome, the title, meta lines, body (with lines inserted mid-body), tail and footer."""
    lines = [*(head or []), TITLE, *(title_area or []), BODY[0], *(body_insert or []), BODY[1], BODY[2], *(tail or []),
             *(footer or [])]
    return "\n".join(lines) + "\n"


@pytest.fixture
def kit() -> SimpleNamespace:
    return SimpleNamespace(BODY=BODY, TITLE=TITLE, page=page)
