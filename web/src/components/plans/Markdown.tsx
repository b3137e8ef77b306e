// A small, safe Markdown renderer: it builds React elements, never HTML strings, so raw HTML and
// scripts in a note are shown as text. Headings, paragraphs, lists, quotes, code blocks, bold,
// italic, inline code and http(s)/mailto links.
import { Typography } from "antd";
import type { ReactNode } from "react";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function inline(text: string, keyBase: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*]+\*|_[^_]+_)|(\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const tok = m[0];
    const key = `${keyBase}-${i++}`;
    if (m[1]) out.push(<code key={key}>{tok.slice(1, -1)}</code>);
    else if (m[2]) out.push(<strong key={key}>{inline(tok.slice(2, -2), key)}</strong>);
    else if (m[3]) out.push(<em key={key}>{inline(tok.slice(1, -1), key)}</em>);
    else {
      const label = tok.slice(1, tok.indexOf("]"));
      const url = tok.slice(tok.indexOf("](") + 2, -1);
      out.push(
        SAFE_URL.test(url) ? (
          <a key={key} href={url} target="_blank" rel="noopener noreferrer nofollow">
            {label}
          </a>
        ) : (
          tok
        ),
      );
    }
    last = m.index + tok.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source }: { source: string }) {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const key = `b${i}`;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (line.startsWith("```")) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith("```")) code.push(lines[i++]!);
      i++;
      blocks.push(
        <pre
          key={key}
          style={{ background: "#f6f6f6", padding: 8, overflowX: "auto", whiteSpace: "pre-wrap" }}
        >
          <code>{code.join("\n")}</code>
        </pre>,
      );
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const level = Math.min(5, h[1]!.length + 1) as 2 | 3 | 4 | 5;
      blocks.push(
        <Typography.Title key={key} level={level} style={{ marginTop: 8 }}>
          {inline(h[2]!, key)}
        </Typography.Title>,
      );
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i]!)) {
        items.push(
          <li key={`${key}-${items.length}`}>
            {inline(lines[i]!.replace(/^\s*([-*+]|\d+[.)])\s+/, ""), `${key}-${items.length}`)}
          </li>,
        );
        i++;
      }
      blocks.push(ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>);
      continue;
    }
    if (line.startsWith(">")) {
      const quote: string[] = [];
      while (i < lines.length && lines[i]!.startsWith(">"))
        quote.push(lines[i++]!.replace(/^>\s?/, ""));
      blocks.push(
        <blockquote
          key={key}
          style={{ borderLeft: "3px solid #ddd", margin: "8px 0", paddingLeft: 12, color: "#666" }}
        >
          {inline(quote.join(" "), key)}
        </blockquote>,
      );
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() &&
      !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s+)/.test(lines[i]!)
    )
      para.push(lines[i++]!);
    blocks.push(
      <p key={key} style={{ margin: "6px 0" }}>
        {para.flatMap((p, j) =>
          j
            ? [<br key={`${key}-br${j}`} />, ...inline(p, `${key}-${j}`)]
            : inline(p, `${key}-${j}`),
        )}
      </p>,
    );
  }
  return (
    <div className="dc-markdown" style={{ wordBreak: "break-word" }}>
      {blocks}
    </div>
  );
}
