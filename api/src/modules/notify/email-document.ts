/**
 * An email written once and rendered twice, as plain text and as HTML, so both parts always say
 * the same thing. Every string is text: the HTML renderer escapes all of it, so plan names, titles
 * and notes cannot inject markup.
 */
export type Segment = string | { href: string; label: string };
export type Line = Segment[];
export type Block = { heading?: string; lines: Line[]; list?: boolean };
export type EmailDocument = { title: string; blocks: Block[]; footer: Line[] };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const textOf = (line: Line) => line.map((s) => (typeof s === 'string' ? s : `${s.label}: ${s.href}`)).join('');

export function renderText(doc: EmailDocument): string {
  const parts = [doc.title, ''];
  for (const block of doc.blocks) {
    if (block.heading) parts.push(block.heading);
    for (const line of block.lines) parts.push(`${block.list ? '- ' : ''}${textOf(line)}`);
    parts.push('');
  }
  if (doc.footer.length) parts.push('--', ...doc.footer.map(textOf));
  return `${parts.join('\n').trimEnd()}\n`;
}

const htmlOf = (line: Line) =>
  line
    .map((s) =>
      typeof s === 'string'
        ? escapeHtml(s).replace(/\n/g, '<br>')
        : `<a href="${escapeHtml(s.href)}" style="color:#1d4ed8">${escapeHtml(s.label)}</a>`,
    )
    .join('');

export function renderHtml(doc: EmailDocument): string {
  const body = doc.blocks.map((block) => {
    const heading = block.heading ? `<h2 style="font-size:16px;margin:20px 0 6px">${escapeHtml(block.heading)}</h2>` : '';
    const lines = block.list
      ? `<ul style="margin:0;padding-left:20px">${block.lines.map((l) => `<li>${htmlOf(l)}</li>`).join('')}</ul>`
      : block.lines.map((l) => `<p style="margin:0 0 6px">${htmlOf(l)}</p>`).join('');
    return heading + lines;
  });
  const footer = doc.footer.length
    ? `<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px"><div style="color:#555;font-size:13px">${doc.footer.map((l) => `<p style="margin:0 0 6px">${htmlOf(l)}</p>`).join('')}</div>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:15px;line-height:1.45;color:#111;max-width:640px;margin:0 auto;padding:16px">',
    `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(doc.title)}</h1>`,
    ...body,
    footer,
    '</body></html>',
  ].join('\n');
}
