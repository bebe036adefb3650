import type { MailKind, MailLanguage } from '@mentorkit/contract';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { escapeHtml } from './render.js';
import { strings } from './strings.js';

const pageWords = {
  en: { title: 'Unsubscribe', confirm: (k: string) => `Stop emails about ${k}?`, button: 'Unsubscribe', done: (k: string) => `Done: you will get no more emails about ${k}. You can turn them back on in the portal's email settings.`, invalid: 'This unsubscribe link is not valid or has expired. You can change your email settings in the portal.' },
  fil: { title: 'Mag-unsubscribe', confirm: (k: string) => `Ihinto ang mga email tungkol sa ${k}?`, button: 'Mag-unsubscribe', done: (k: string) => `Tapos na: wala ka nang matatanggap na email tungkol sa ${k}. Maaari mo itong i-on muli sa mga setting ng email sa portal.`, invalid: 'Hindi wasto o expired na ang link na ito. Maaari mong baguhin ang iyong mga setting ng email sa portal.' },
} satisfies Record<MailLanguage, unknown>;

/** A tiny self-contained page: no scripts, no external resources, every value escaped. */
function page(c: Context<AppEnv>, status: 200 | 400, language: MailLanguage, body: string) {
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(pageWords[language].title)}</title></head>
<body style="margin:0;padding:48px 16px;background:#eef2f7;font-family:system-ui,sans-serif;color:#102a43">
<main style="max-width:480px;margin:0 auto;padding:32px;background:#fff;border-radius:8px">${body}</main></body></html>`, status);
}

/** 400: the link is forged, malformed or expired (in English: whose link it is cannot be trusted). */
export const invalidLinkPage = (c: Context<AppEnv>) => page(c, 400, 'en', `<p>${escapeHtml(pageWords.en.invalid)}</p>`);

/** The confirmation: a button that POSTs the same token, because link scanners fetch GET URLs. */
export function confirmPage(c: Context<AppEnv>, language: MailLanguage, kind: MailKind, token: string) {
  const words = pageWords[language];
  return page(c, 200, language, `<h1 style="font-size:22px">${escapeHtml(words.confirm(strings[language].kind[kind]))}</h1>
<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="min-height:44px;padding:10px 20px;font-size:16px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer">${escapeHtml(words.button)}</button>
</form>`);
}

export const unsubscribedPage = (c: Context<AppEnv>, language: MailLanguage, kind: MailKind) =>
  page(c, 200, language, `<p>${escapeHtml(pageWords[language].done(strings[language].kind[kind]))}</p>`);
