import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_JWT_SECRET, loadConfig } from './config.js';

const secret = 'a-secret-that-is-definitely-long-enough-0123';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({ MENTORSHIP_JWT_SECRET: secret });
    expect(c).toMatchObject({
      PORT: 8787,
      MENTORSHIP_DATA_DIR: './.mentorkit-data',
      MENTORSHIP_REQUEST_TTL_DAYS: 14,
      MENTORSHIP_AT_RISK_DAYS: 21,
      MENTORSHIP_ADMIN_ROLE: 'admin',
      MENTORSHIP_DEMO: false,
      MENTORSHIP_CORS_ORIGINS: [],
      MENTORSHIP_SEARCH_CACHE_SIZE: 1000,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('parses lists, flags and numbers', () => {
    const c = loadConfig({
      MENTORSHIP_JWT_SECRET: secret,
      MENTORSHIP_CORS_ORIGINS: 'https://alumni.example.edu, https://www.example.edu',
      MENTORSHIP_DEMO: '1',
      PORT: '9000',
      DATABASE_URL: 'postgres://u@db:5432/mentorkit',
    });
    expect(c.MENTORSHIP_CORS_ORIGINS).toEqual(['https://alumni.example.edu', 'https://www.example.edu']);
    // Kept as the origins browsers send: no path, no trailing slash, no repeats.
    expect(loadConfig({ MENTORSHIP_JWT_SECRET: secret, MENTORSHIP_CORS_ORIGINS: 'https://a.example.edu/, https://a.example.edu/x, http://b.example:8080' })
      .MENTORSHIP_CORS_ORIGINS).toEqual(['https://a.example.edu', 'http://b.example:8080']);
    expect(c).toMatchObject({ MENTORSHIP_DEMO: true, PORT: 9000, DATABASE_URL: 'postgres://u@db:5432/mentorkit' });
  });

  it('uses the demo secret only in demo mode without a key', () => {
    expect(loadConfig({ MENTORSHIP_DEMO: '1' }).MENTORSHIP_JWT_SECRET).toBe(DEMO_JWT_SECRET);
    expect(() => loadConfig({})).toThrow(/MENTORSHIP_JWT_SECRET/);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['MENTORSHIP_JWT_SECRET', { MENTORSHIP_JWT_SECRET: 'short' }],
    ['MENTORSHIP_CORS_ORIGINS', { MENTORSHIP_CORS_ORIGINS: 'not a url' }],
    ['MENTORSHIP_DEMO', { MENTORSHIP_DEMO: 'yes please' }],
    ['MENTORSHIP_REQUEST_TTL_DAYS', { MENTORSHIP_REQUEST_TTL_DAYS: '0' }],
    ['MENTORSHIP_AT_RISK_DAYS', { MENTORSHIP_AT_RISK_DAYS: '0' }],
    ['MENTORSHIP_AT_RISK_DAYS', { MENTORSHIP_AT_RISK_DAYS: '366' }],
    ['MENTORSHIP_AT_RISK_DAYS', { MENTORSHIP_AT_RISK_DAYS: 'three weeks' }],
    ['MENTORSHIP_SEARCH_CACHE_SIZE', { MENTORSHIP_SEARCH_CACHE_SIZE: '-1' }],
    ['MENTORSHIP_SEARCH_CACHE_SIZE', { MENTORSHIP_SEARCH_CACHE_SIZE: 'lots' }],
    ['MENTORSHIP_JWKS_URL', { MENTORSHIP_JWKS_URL: 'https://idp.example.edu/jwks.json' }],
    ['MENTORSHIP_JWT_MAX_AGE', { MENTORSHIP_JWT_MAX_AGE: 'a day' }],
    ['MENTORSHIP_JWT_MAX_AGE', { MENTORSHIP_JWT_MAX_AGE: '0' }],
  ])('names %s when its value is bad', (name, env) => {
    const attempt = () => loadConfig({ MENTORSHIP_JWT_SECRET: secret, ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(name));
  });

  // keys fetched over plain HTTP could be replaced on the way.
  it('refuses a JWKS URL that is not https://, except on a loopback host', () => {
    expect(() => loadConfig({ MENTORSHIP_JWKS_URL: 'http://idp.example.edu/jwks.json' })).toThrow(/MENTORSHIP_JWKS_URL: must be an https:\/\/ URL/);
    expect(() => loadConfig({ MENTORSHIP_JWKS_URL: 'http://10.0.0.5/jwks.json' })).toThrow(/MENTORSHIP_JWKS_URL/);
    for (const url of ['https://idp.example.edu/jwks.json', 'http://127.0.0.1:8080/jwks.json', 'http://localhost/jwks.json', 'http://[::1]:9000/jwks.json']) {
      expect(loadConfig({ MENTORSHIP_JWKS_URL: url }).MENTORSHIP_JWKS_URL).toBe(url);
    }
  });

  it('allows tokens to live a day by default', () => {
    expect(loadConfig({ MENTORSHIP_JWT_SECRET: secret }).MENTORSHIP_JWT_MAX_AGE).toBe(86_400);
    expect(loadConfig({ MENTORSHIP_JWT_SECRET: secret, MENTORSHIP_JWT_MAX_AGE: '3600' }).MENTORSHIP_JWT_MAX_AGE).toBe(3600);
  });

  // demo mode is for a local machine only.
  it('refuses demo mode beside a production identity provider, naming both variables', () => {
    const attempt = () => loadConfig({ MENTORSHIP_DEMO: '1', MENTORSHIP_JWKS_URL: 'https://idp.example.edu/jwks.json' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/MENTORSHIP_DEMO.*MENTORSHIP_JWKS_URL/);
  });

  it('listens on loopback in demo mode unless HOST is set', () => {
    expect(loadConfig({ MENTORSHIP_DEMO: '1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ MENTORSHIP_DEMO: '1', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ MENTORSHIP_JWT_SECRET: secret }).HOST).toBe('0.0.0.0');
  });
});
