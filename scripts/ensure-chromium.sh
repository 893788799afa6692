#!/usr/bin/env bash
# Install headless Chromium and a CJK font for the HTML report test (tests/cli/test_report_browser.py).
# Idempotent: does nothing when both are present. Debian/Ubuntu only; needs root (as in CI).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no apt-get here; install chromium and a CJK font by hand" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
chromium --version
