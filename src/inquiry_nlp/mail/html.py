"""HTML mail bodies to readable text, keeping every link with its visible text and target.

Block elements become line breaks, inline elements are joined by a space where the markup
had none, script/style/head vanish, entities are decoded. The links are what the
``phishing_link`` signal compares: the text a reader sees against where it really goes.

>>> text, links = html_to_text('<p>Dear <b>Sir</b>,</p><p><a href="http://x.example/login">View RFQ</a></p>')
>>> text
'Dear Sir,\\nView RFQ'
>>> links[0].text, links[0].href
('View RFQ', 'http://x.example/login')
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .message import Link

_SKIP = ["script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe"]
_BLOCK_TAG = re.compile(
    r"<(/?)(?:p|div|li|tr|table|tbody|thead|tfoot|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|hr|section|article|"
    r"header|footer|nav|aside|main|form|fieldset|address|center|caption|figure|figcaption|details|summary)\b[^>]*>",
    re.IGNORECASE)
_BR = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_BR_MARK = "\ue000"  # survives the collapsing of block newlines: <br><br> stays a blank line
_SPACES = re.compile(r"[ \t\u00a0\u200b\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def html_to_text(html: str) -> tuple[str, list[Link]]:
    """Readable text of an HTML document and its links (visible text, target)."""
    # Newlines around block tags become text-node newlines (runs of them collapse later).
    html = _BR.sub(_BR_MARK, _BLOCK_TAG.sub("\n\\g<0>\n", html))
    tree = LexborHTMLParser(html)
    tree.strip_tags(_SKIP)
    root = tree.body or tree.root
    if root is None:
        return "", []
    links = []
    for a in root.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if href:
            links.append(Link(text=_inline(a.text(separator="\x00")).replace(_BR_MARK, " ").strip(), href=href))
    return _tidy(root.text(separator="\x00")), links


def html_links(html: str) -> list[Link]:
    """Only the links of an HTML part: what is needed when the mail also has a plain-text
    part (the text itself comes from there)."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return []
    links = []
    for a in root.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if href:
            links.append(Link(text=_inline(a.text(separator="\x00")).strip(), href=href))
    return links


def _inline(text: str) -> str:
    """Join the text nodes (separated by NUL): a space where two words would touch."""
    pieces = text.split("\x00")
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev = out[-1]
        if piece and prev and (prev[-1].isalnum() or prev[-1] == "_") and (piece[0].isalnum() or piece[0] == "_"):
            out.append(" ")
        out.append(piece)
    return _SPACES.sub(" ", "".join(out))


def _tidy(text: str) -> str:
    lines: list[str] = []
    for line in _inline(text).replace("\r", "\n").split("\n"):
        line = line.strip()
        if line:
            lines.append(line)  # runs of block newlines collapse to one line break
    text = "\n".join(lines)
    if _BR_MARK in text:
        text = "\n".join(line.strip() for line in text.replace(_BR_MARK, "\n").split("\n"))
        text = _BLANKS.sub("\n\n", text)
    return text.strip()
