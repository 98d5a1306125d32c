"""Human-readable renderings of an article record: plain text and Markdown."""

from __future__ import annotations

from byline.model import Article


def byline_line(article: Article) -> str:
    names = [a.name for a in article.authors]
    if not names:
        return ""
    if len(names) == 1:
        return f"By {names[0]}"
    return "By " + ", ".join(names[:-1]) + " and " + names[-1]


def to_text(article: Article) -> str:
    lines = [article.headline or "(no headline)"]
    meta = " | ".join(x for x in (byline_line(article), article.published or "") if x)
    if meta:
        lines.append(meta)
    lines.append("")
    for paragraph in article.body:
        lines.extend([paragraph, ""])
    return "\n".join(lines).rstrip() + "\n"


def to_markdown(article: Article) -> str:
    lines = [f"# {_md_escape(article.headline or '(no headline)')}", ""]
    meta = " · ".join(x for x in (byline_line(article), article.published or "", article.publisher or "") if x)
    if meta:
        lines.extend([f"*{_md_escape(meta)}*", ""])
    kinds = article.blocks if len(article.blocks) == len(article.body) else ["paragraph"] * len(article.body)
    for paragraph, kind in zip(article.body, kinds):
        text = _md_escape(paragraph)
        if kind == "heading":
            text = f"## {text}"
        elif kind == "list_item":
            text = f"- {text}"
        elif kind == "blockquote":
            text = f"> {text}"
        lines.extend([text, ""])
    if article.anomalies:
        lines.append("---")
        lines.append("")
        for anomaly in article.anomalies:
            repaired = f" (repaired: {anomaly.repaired})" if anomaly.repaired else ""
            lines.append(f"- **{anomaly.field}**: {_md_escape(anomaly.problem)}{repaired}")
    return "\n".join(lines).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("#", "\\#")
