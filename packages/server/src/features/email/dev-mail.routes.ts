import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { recentMail } from './dev-mail.service.js';
import { escapeHtml } from './render.js';

const SHOWN = 50;

const statusColour: Record<string, string> = { pending: '#8a6d00', sending: '#8a6d00', sent: '#1a7f37', failed: '#b42318', skipped: '#52606d' };

/**
 * Demo only (`createApp` mounts it when `MENTORSHIP_DEMO=1`): the latest outbox mail rendered,
 * so a new user sees what would have gone out without an SMTP server. Each mail's HTML sits in
 * a sandboxed iframe (no scripts, no same-origin) as an escaped `srcdoc`; the text part is in a
 * <pre>. Everything comes from the database and is escaped on the way out.
 */
export const devMailRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { config } = c.get('deps');
  const items = (await recentMail(c.get('deps'), SHOWN)).map(({ row, mail }) => {
    const outcome = row.last_error ? ` · ${escapeHtml(row.last_error)}` : '';
    const attachments = (mail.attachments ?? []).map((a) => `<li>${escapeHtml(a.filename)} (${escapeHtml(a.contentType)})<pre>${escapeHtml(a.content)}</pre></li>`).join('');
    return `<article>
<h2>${escapeHtml(mail.subject)}</h2>
<p class="meta"><span class="status" style="color:${statusColour[row.status] ?? '#000'}">${escapeHtml(row.status)}</span>${outcome}<br>
To: ${escapeHtml(mail.to || '(no address)')} · ${escapeHtml(row.kind)} · ${escapeHtml(row.created_at.toISOString())} · attempts ${row.attempts}</p>
<details><summary>HTML part</summary><iframe sandbox title="${escapeHtml(mail.subject)}" srcdoc="${escapeHtml(mail.html)}"></iframe></details>
<details><summary>Text part and headers</summary><pre>${escapeHtml(Object.entries(mail.headers).map(([k, v]) => `${k}: ${v}`).join('\n'))}\n\n${escapeHtml(mail.text)}</pre></details>
${attachments ? `<details><summary>Attachments</summary><ul>${attachments}</ul></details>` : ''}
</article>`;
  });
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'");
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Outgoing mail (demo)</title>
<style>
body{margin:0;padding:24px;font-family:system-ui,sans-serif;background:#f5f7fa;color:#102a43}
main{max-width:760px;margin:0 auto}
article{background:#fff;border-radius:8px;padding:16px 20px;margin:0 0 16px}
h2{font-size:18px;margin:0 0 4px}
.meta{margin:0 0 8px;font-size:14px;color:#52606d}
.status{font-weight:bold;text-transform:uppercase;font-size:12px}
iframe{width:100%;height:560px;border:1px solid #d9e2ec;border-radius:6px;background:#fff}
pre{white-space:pre-wrap;word-break:break-word;font-size:13px;background:#f5f7fa;padding:8px;border-radius:6px}
summary{cursor:pointer;padding:4px 0;min-height:24px}
</style></head>
<body><main>
<h1>Outgoing mail</h1>
<p>The ${SHOWN} most recent mails in the outbox, newest first, as they would be sent now. ${config.MENTORSHIP_SMTP_URL ? 'An SMTP server is configured: pending mail is being delivered.' : 'No SMTP server is configured (MENTORSHIP_SMTP_URL), so nothing is delivered: mail is recorded as skipped and shown here.'}
<a href="/">Back to the portal</a></p>
${items.length ? items.join('\n') : '<p>No mail yet. Send a mentorship request or schedule a meeting, then reload this page.</p>'}
</main></body></html>`, 200);
});
