"""Web pages: main text and metadata extracted with trafilatura.

The article text stored (and indexed by the offsets) is the text trafilatura
extracts, one paragraph a line; navigation, footers and widgets stay out.
"""
from __future__ import annotations

import logging
from typing import Optional

from quotes.read.base import Item, Skipped, check_text, decode_text
from quotes.records import Article


def article_from_html(html: str, source: str, url: Optional[str] = None, **metadata) -> Item:
    """``metadata`` (title, publisher, author, published, language) overrides what the page says."""
    import trafilatura

    # trafilatura logs every page it finds nothing in; the Skipped reason says it once.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, favor_precision=True,
        )
    except Exception as error:  # noqa: BLE001 - malformed markup must not stop a batch
        return Skipped(source, f"HTML could not be parsed ({type(error).__name__}: {error})")
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < 3:
        return Skipped(source, "HTML page has no main text" + (f" (only {text[:40]!r})" if text else ""))
    language = metadata.get("language") or getattr(document, "language", None)
    reason = check_text(text, language)
    if reason:
        return Skipped(source, reason)
    return Article(
        text=text,
        warning=_thin_extraction(html, text),
        source=source,
        title=metadata.get("title") or document.title,
        url=url or document.url,
        publisher=metadata.get("publisher") or document.sitename or document.hostname,
        author=metadata.get("author") or document.author,
        published=metadata.get("published") or document.date,
        language="en",
    )


def read_html_bytes(data: bytes, source: str) -> Item:
    html, reason = decode_html(data)
    if reason:
        return Skipped(source, reason)
    return article_from_html(html, source)


def decode_html(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """Pages are UTF-8 almost always; a page declaring another charset is decoded with it."""
    text, reason = decode_text(data)
    if text is not None or not reason.startswith("not valid UTF-8"):
        return text, reason
    head = data[:4096].lower()
    for marker in (b'charset="', b"charset='", b"charset="):
        at = head.find(marker)
        if at >= 0:
            charset = head[at + len(marker):].split(b'"')[0].split(b"'")[0].split(b";")[0].split(b">")[0]
            try:
                return data.decode(charset.strip().decode("ascii")), None
            except (LookupError, UnicodeDecodeError, UnicodeEncodeError):
                break
    return None, reason


# below this share of a page's visible text, the extracted article may be a fragment
THIN_SHARE = 0.15
THIN_MIN_VISIBLE = 3000


def _thin_extraction(html: str, text: str) -> Optional[str]:
    """A warning when the text kept is a small part of what the page shows
    (trafilatura kept one paragraph of a long story once, silently)."""
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
        for node in root.xpath("//script|//style|//noscript|//template"):
            node.drop_tree()
        visible = " ".join(root.text_content().split())
    except Exception:  # noqa: BLE001 - a warning must never stop reading
        return None
    if len(visible) < THIN_MIN_VISIBLE or len(text) >= THIN_SHARE * len(visible):
        return None
    return (f"only {len(text):,} of the page's {len(visible):,} visible characters were read as the article; "
            f"it may be cut short")

