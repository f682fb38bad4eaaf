"""Text that is safe to hand to spreadsheets and XML readers, whatever a name or quote holds.

* CSV: a cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
  return, which some spreadsheets skip before looking) is a formula to Excel,
  LibreOffice and Google Sheets ("CSV injection"). Such a cell is written with a
  leading apostrophe, which they show as text; numbers are left as they are.
* XML 1.0 forbids most control characters and lone surrogates even when escaped;
  they become U+FFFD, so GEXF and GraphML files always parse.

>>> safe_cell('=HYPERLINK("http://x", "click")'), safe_cell("-1"), safe_cell(-1.5)
('\\'=HYPERLINK("http://x", "click")', "'-1", -1.5)
>>> xml_text("a\\x00b\\x1bc")
'a\\ufffdb\\ufffdc'
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FORMULA_START", "safe_cell", "xml_text"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it as text: strings that would start a formula
    get a leading apostrophe; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xml_text(value: str) -> str:
    """``value`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)
