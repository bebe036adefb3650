/**
 * One mail, two parts: a template returns blocks, and this module writes them as plain text
 * and as HTML. The HTML uses tables and inline styles only (what common mail clients render),
 * never scripts, and every string is escaped here, so no template can forget it.
 */

export type Block =
  | { type: 'p'; text: string }
  /** Someone's own words (a request message, decision notes): set apart and labelled. */
  | { type: 'quote'; label: string; text: string }
  | { type: 'facts'; items: Array<[label: string, value: string]> }
  | { type: 'button'; label: string; href: string };

export interface Composed {
  subject: string;
  heading: string;
  blocks: Block[];
  /** Why this mail came and how to stop it. */
  footer: { reason: string; unsubscribeLabel: string; unsubscribeUrl: string; settingsLabel: string; settingsUrl: string };
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Only http(s) links reach an href; anything else (javascript:, data:) becomes inert. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '#';
}

/** Line breaks in user text survive in HTML as <br>, after escaping. */
const multiline = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');

/** Header fields must not carry line breaks (header injection); subjects are one line anyway. */
export const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();

const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'p':
      return `<p style="margin:0 0 16px;${font};font-size:16px;line-height:24px;color:#1f2933">${multiline(block.text)}</p>`;
    case 'quote':
      return `<p style="margin:0 0 4px;${font};font-size:13px;line-height:18px;color:#52606d;font-weight:bold">${escapeHtml(block.label)}</p>`
        + `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #9fb3c8;background:#f5f7fa;${font};font-size:15px;line-height:22px;color:#1f2933">${multiline(block.text)}</div>`;
    case 'facts':
      return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse">`
        + block.items.map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0;${font};font-size:14px;color:#52606d;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</td>`
          + `<td style="padding:4px 0;${font};font-size:14px;color:#1f2933">${multiline(value)}</td></tr>`).join('')
        + `</table>`;
    case 'button':
      return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px"><tr><td style="border-radius:6px;background:#1d4ed8">`
        + `<a href="${safeHref(block.href)}" style="display:inline-block;padding:12px 20px;${font};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(block.label)}</a>`
        + `</td></tr></table>`;
  }
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'p':
      return block.text;
    case 'quote':
      return `${block.label}:\n${block.text.split(/\r\n|\r|\n/).map((l) => `> ${l}`).join('\n')}`;
    case 'facts':
      return block.items.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'button':
      return `${block.label}: ${block.href}`;
  }
}

export function render(mail: Composed, language: string): Rendered {
  const { footer } = mail;
  const text = [
    mail.heading,
    '',
    ...mail.blocks.map((b) => `${blockText(b)}\n`),
    '-- ',
    footer.reason,
    `${footer.unsubscribeLabel}: ${footer.unsubscribeUrl}`,
    `${footer.settingsLabel}: ${footer.settingsUrl}`,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(mail.subject)}</title></head>
<body style="margin:0;padding:0;background:#eef2f7">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#eef2f7"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px">
<tr><td style="padding:32px 32px 8px">
<h1 style="margin:0 0 20px;${font};font-size:22px;line-height:30px;color:#102a43">${escapeHtml(mail.heading)}</h1>
${mail.blocks.map(blockHtml).join('\n')}
</td></tr>
<tr><td style="padding:16px 32px 28px;border-top:1px solid #d9e2ec">
<p style="margin:0 0 8px;${font};font-size:12px;line-height:18px;color:#52606d">${escapeHtml(footer.reason)}</p>
<p style="margin:0;${font};font-size:12px;line-height:18px;color:#52606d"><a href="${safeHref(footer.unsubscribeUrl)}" style="color:#1d4ed8">${escapeHtml(footer.unsubscribeLabel)}</a> · <a href="${safeHref(footer.settingsUrl)}" style="color:#1d4ed8">${escapeHtml(footer.settingsLabel)}</a></p>
</td></tr>
</table>
</td></tr></table>
</body></html>
`;
  return { subject: oneLine(mail.subject), text, html };
}
