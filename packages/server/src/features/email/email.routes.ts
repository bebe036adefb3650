import { notificationPreferencesInput, type MailLanguage, type UnsubscribeResult } from '@mentorkit/contract';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { viewerRequired } from '../lifecycle/workspace.js';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { escapeHtml } from './render.js';
import { getPreferences, mailSettings, updatePreferences } from './preferences.repository.js';
import { strings } from './strings.js';
import { unsubscribeKey, verifyUnsubscribeToken, type TokenCheck } from './tokens.js';

/** `GET/PUT /me/notification-preferences`: the caller's own switches. */
export const preferenceRoutes = new Hono<AppEnv>()
  .use('/notification-preferences', viewerRequired)
  .get('/notification-preferences', async (c) => {
    const { db } = c.get('deps');
    return c.json(await getPreferences(db, c.get('viewer').id), 200);
  })
  .put('/notification-preferences', validate('json', notificationPreferencesInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    await updatePreferences(db, viewer.id, c.req.valid('json'), now());
    return c.json(await getPreferences(db, viewer.id), 200);
  });

export const unsubscribeQuery = z.object({ token: z.string().min(1).max(400) });

function check(c: Context<AppEnv>, token: string): TokenCheck {
  const { config, now } = c.get('deps');
  const key = unsubscribeKey(config);
  return key ? verifyUnsubscribeToken(key, token, now()) : { ok: false, reason: 'forged' };
}

const invalidLink = (reason: 'malformed' | 'forged' | 'expired') =>
  new ApiError('validation_failed', reason === 'expired' ? 'This unsubscribe link has expired' : 'This unsubscribe link is not valid', [
    { path: ['token'], message: reason === 'expired' ? 'Expired' : 'Not a valid unsubscribe token' },
  ]);

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

async function languageOf(c: Context<AppEnv>, userId: string): Promise<MailLanguage> {
  return (await mailSettings(c.get('deps').db, [userId])).get(userId)!.language;
}

/**
 * One-click unsubscribe (RFC 8058), no sign-in: the signed token names the person and the kind.
 * GET only shows a confirmation with a POST button, because link scanners and previews fetch
 * GET URLs; POST (from that button or a mail client's one-click) switches the kind off. A forged,
 * malformed or expired token answers 400 and changes nothing.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/', validate('query', unsubscribeQuery), async (c) => {
    const { token } = c.req.valid('query');
    const result = check(c, token);
    if (!result.ok) return page(c, 400, 'en', `<p>${escapeHtml(pageWords.en.invalid)}</p>`);
    const language = await languageOf(c, result.userId);
    const words = pageWords[language];
    const kind = strings[language].kind[result.kind];
    return page(c, 200, language, `<h1 style="font-size:22px">${escapeHtml(words.confirm(kind))}</h1>
<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="min-height:44px;padding:10px 20px;font-size:16px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer">${escapeHtml(words.button)}</button>
</form>`);
  })
  .post('/', validate('query', unsubscribeQuery), async (c) => {
    const { db, now } = c.get('deps');
    const { token } = c.req.valid('query');
    const wantsPage = (c.req.header('accept') ?? '').includes('text/html');
    const result = check(c, token);
    if (!result.ok) {
      if (wantsPage) return page(c, 400, 'en', `<p>${escapeHtml(pageWords.en.invalid)}</p>`);
      throw invalidLink(result.reason);
    }
    const exists = await db.selectFrom('users').select('id').where('id', '=', result.userId).executeTakeFirst();
    // An erased account gets no mail anyway: nothing to switch off.
    if (exists) await updatePreferences(db, result.userId, { kinds: { [result.kind]: false } }, now());
    if (wantsPage) {
      const language = exists ? await languageOf(c, result.userId) : 'en';
      return page(c, 200, language, `<p>${escapeHtml(pageWords[language].done(strings[language].kind[result.kind]))}</p>`);
    }
    const body: UnsubscribeResult = { kind: result.kind, unsubscribed: true };
    return c.json(body, 200);
  });
