"""The request page without its own code, so tests can say seed text added none."""

from __future__ import annotations

import re

#: The page's data block and script, and the policy that allows exactly them.
PAGE_CODE = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n'
    r'|<script type="application/json" id="askspec-data">[^<]*</script>\n<script>.*?</script>\n',
    re.DOTALL,
)


def without_page_code(html: str) -> str:
    """The page with its content policy, data block and script taken out, once each."""
    stripped, found = PAGE_CODE.subn("", html)
    assert found in (0, 2), "the page's own code appears other than once"
    return stripped
