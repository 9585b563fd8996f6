"""Small copies of the sheets' fonts, made once per run, so that writing each PDF is quick.

WeasyPrint embeds a subset of every font face in every PDF. Without the HarfBuzz subsetting library
it subsets with fontTools, which parses the whole font each time (DejaVu Sans holds ~6,000 glyphs):
about a third of the time a worksheet takes. Here each DejaVu face the stylesheet names is cut down
once to the characters the run's documents contain and handed to WeasyPrint through @font-face (as
data: URLs, so no temporary files), under its own family name listed before the system one. A
character outside the copy still falls through to the system font. With HarfBuzz subsetting present
this step is skipped: it would gain nothing.
"""

from __future__ import annotations

import base64
import io
import logging
import re
import shutil
import subprocess
from collections.abc import Iterable

FAMILIES = ("DejaVu Serif", "DejaVu Sans")
# (fontconfig style, CSS weight, CSS style); italics only when something asks for them, or a family
# lacking them would have its italics faked by slanting the upright face.
UPRIGHT = (("", "normal", "normal"), (":bold", "bold", "normal"))
ITALIC = ((":italic", "normal", "italic"), (":bold:italic", "bold", "italic"))
_ITALIC_CSS = re.compile(r"italic|oblique", re.IGNORECASE)
_ITALIC_HTML = re.compile(r"<(?:em|i|cite|var|dfn|address)\b|italic|oblique", re.IGNORECASE)
PREFIX = "quizgen "
# Always kept: what CSS generated content ("Page 3 of 4") and common typography may add.
BASIC = {chr(c) for c in range(0x20, 0x7F)} | set("\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u202f")


def harfbuzz_subsetting() -> bool:
    try:
        from weasyprint.text.ffi import harfbuzz_subset  # WeasyPrint >= 61; None when the library is absent
    except ImportError:
        return False
    return harfbuzz_subset is not None


def _font_file(pattern: str) -> str | None:
    fc_match = shutil.which("fc-match")
    if not fc_match:
        return None
    try:
        out = subprocess.run([fc_match, "-f", "%{file}\n%{family}", pattern], capture_output=True, text=True,
                             timeout=10, check=True).stdout.split("\n", 1)
    except (OSError, subprocess.SubprocessError):
        return None
    # fc-match answers with some other font when the family is missing: only a real match counts.
    family = pattern.split(":")[0]
    return out[0] if len(out) == 2 and family in out[1].split(",") and out[0].endswith((".ttf", ".otf")) else None


def _subset(path: str, chars: set[str]) -> bytes | None:
    from fontTools import subset
    from fontTools.ttLib import TTFont, TTLibError

    options = subset.Options()
    options.layout_features = ["*"]  # keep kerning and ligatures: the layout should not change
    options.name_IDs = ["*"]
    options.notdef_outline = True
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset" and the like
    try:
        font = TTFont(path)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(c) for c in chars))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    except (TTLibError, OSError, ValueError, KeyError, AssertionError):
        return None
    return out.getvalue()


def with_small_fonts(css: str, texts: Iterable[str]) -> str:
    """The stylesheet with @font-face rules for cut-down DejaVu faces put first in its font lists."""
    if harfbuzz_subsetting():
        return css
    chars = set(BASIC)
    italic = bool(_ITALIC_CSS.search(css))
    for text in texts:
        chars.update(text)
        italic = italic or bool(_ITALIC_HTML.search(text))
    chars |= {c.upper() for c in chars} | {c.lower() for c in chars}  # text-transform
    variants = UPRIGHT + ITALIC if italic else UPRIGHT
    faces = []
    for family in FAMILIES:
        if f'"{family}"' not in css:
            continue
        made = []
        for pattern, weight, style in variants:
            path = _font_file(family + pattern)
            data = _subset(path, chars) if path else None
            if data:
                made.append(f'@font-face {{ font-family: "{PREFIX}{family}"; font-weight: {weight}; '
                            f'font-style: {style}; '
                            f'src: url(data:font/ttf;base64,{base64.b64encode(data).decode()}); }}')
        if len(made) == len(variants):  # half a family would make the missing face a synthetic one
            faces += made
            css = re.sub(rf'"{re.escape(family)}"', f'"{PREFIX}{family}", "{family}"', css)
    return "\n".join(faces) + "\n" + css if faces else css
