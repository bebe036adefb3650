import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const urlList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    /** Unset: every interface, or only 127.0.0.1 in demo mode (see `transform` below). */
    HOST: optionalString,
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    MENTORSHIP_DATA_DIR: z.string().min(1).default('./.mentorkit-data'),
    MENTORSHIP_JWT_SECRET: optionalString.pipe(
      z.string().min(32, 'must be at least 32 characters (HS256 needs a strong key)').optional(),
    ),
    MENTORSHIP_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    MENTORSHIP_JWT_ISSUER: optionalString,
    MENTORSHIP_JWT_AUDIENCE: optionalString,
    /** Longest token lifetime accepted, in seconds (`exp − iat`). */
    MENTORSHIP_JWT_MAX_AGE: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(24 * 3600),
    /** Kept as origins (`https://portal.example.edu`), as browsers send them in `Origin`. */
    MENTORSHIP_CORS_ORIGINS: urlList.transform((urls) => [...new Set(urls.map((u) => new URL(u).origin))]),
    MENTORSHIP_DEMO: flag,
    MENTORSHIP_SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    MENTORSHIP_MAIL_FROM: z.string().default('Mentorkit <mentoring@localhost>'),
    MENTORSHIP_PORTAL_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8787/'),
    /** Where mail recipients reach this server (the unsubscribe link); defaults to the portal URL. */
    MENTORSHIP_PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** Signs unsubscribe links; derived from MENTORSHIP_JWT_SECRET when not set. */
    MENTORSHIP_UNSUBSCRIBE_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    MENTORSHIP_REQUEST_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** An active mentorship with no meeting or message for this many days is at risk in a programme's report. */
    MENTORSHIP_AT_RISK_DAYS: z.coerce.number().int().min(1).max(365).default(21),
    MENTORSHIP_ADMIN_ROLE: z.string().min(1).default('admin'),
    /** Behind a reverse proxy: take the client address from the last `X-Forwarded-For` entry (the proxy's). */
    MENTORSHIP_TRUST_PROXY: flag,
    /** Entries of each search cache (shared facts: search-cache.ts; whole answers per viewer: search-answers.ts); 0 turns them off. */
    MENTORSHIP_SEARCH_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(1000),
    MENTORSHIP_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    // Keys fetched over plain HTTP could be swapped by anyone on the path: then any token verifies.
    if (c.MENTORSHIP_JWKS_URL && new URL(c.MENTORSHIP_JWKS_URL).protocol !== 'https:' && !isLoopback(new URL(c.MENTORSHIP_JWKS_URL).hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MENTORSHIP_JWKS_URL'],
        message: 'must be an https:// URL (plain http:// only for a loopback host such as 127.0.0.1 or localhost)',
      });
    }
    // Demo mode hands out admin tokens to anyone and shows every mail: never beside a real identity provider.
    if (c.MENTORSHIP_DEMO && c.MENTORSHIP_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MENTORSHIP_DEMO'],
        message: 'MENTORSHIP_DEMO=1 cannot be combined with MENTORSHIP_JWKS_URL (demo mode gives anyone an admin token; it is for a local machine only)',
      });
    }
    if (c.MENTORSHIP_JWT_SECRET && c.MENTORSHIP_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MENTORSHIP_JWKS_URL'],
        message: 'set either MENTORSHIP_JWT_SECRET or MENTORSHIP_JWKS_URL, not both',
      });
    }
    if (c.MENTORSHIP_SMTP_URL && !c.MENTORSHIP_UNSUBSCRIBE_SECRET && !c.MENTORSHIP_JWT_SECRET && !c.MENTORSHIP_DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['MENTORSHIP_UNSUBSCRIBE_SECRET'],
        message: 'required with MENTORSHIP_SMTP_URL when MENTORSHIP_JWKS_URL is used (every mail carries a signed unsubscribe link)',
      });
    }
    if (!c.MENTORSHIP_JWT_SECRET && !c.MENTORSHIP_JWKS_URL && !c.MENTORSHIP_DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['MENTORSHIP_JWT_SECRET'],
        message: 'required (or MENTORSHIP_JWKS_URL) unless MENTORSHIP_DEMO=1',
      });
    }
  })
  // Demo mode listens on loopback only, unless HOST says otherwise: its tokens are free for the asking.
  .transform((c) => ({ ...c, HOST: c.HOST ?? (c.MENTORSHIP_DEMO ? '127.0.0.1' : '0.0.0.0') }));

/** Hosts that name this machine: plain HTTP to them never crosses a network. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** In demo mode without a configured key, tokens are signed with this well-known secret. */
export const DEMO_JWT_SECRET = 'mentorkit-demo-secret-do-not-use-in-production-0123456789';

/** Parses the environment once; a bad value throws a `ConfigError` naming each variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.MENTORSHIP_DEMO && !config.MENTORSHIP_JWT_SECRET && !config.MENTORSHIP_JWKS_URL) {
    config.MENTORSHIP_JWT_SECRET = DEMO_JWT_SECRET;
  }
  return config;
}

/** EX_CONFIG from sysexits.h: what process managers read as "fix the configuration". */
export const EXIT_CONFIG = 78;

/** For entry points: `loadConfig`, or the message on stderr and exit 78 when a value is bad. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}
