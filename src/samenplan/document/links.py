"""Which plan texts may become a link: only http(s) addresses, percent-encoded."""

from urllib.parse import quote, urlsplit

# Characters a URL may keep as they are; everything else (spaces, quotes, <, >, \, `) is
# percent-encoded, so the address is safe in an HTML attribute and in a Markdown autolink.
_KEEP = "-._~:/?#[]@!$&'()*+,;=%"


def safe_url(text: str) -> str | None:
    """``text`` as a link target when it is an http(s) address with a host; else None."""
    url = text.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if not url.lower().startswith(("http://", "https://")):
        return None
    return quote(url, safe=_KEEP)
