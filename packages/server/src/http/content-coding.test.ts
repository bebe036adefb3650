import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './content-coding.js';

describe('acceptsGzip', () => {
  it('accepts gzip named, weighted above 0, or covered by *', () => {
    for (const header of ['gzip', 'gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8', 'GZIP', '*', 'identity, *;q=0.5', 'x-gzip']) {
      expect(acceptsGzip(header), header).toBe(true);
    }
  });

  it('refuses without the header, when gzip is weighted 0, or only other codings are named', () => {
    for (const header of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000', '*, gzip;q=0', '*;q=0']) {
      expect(acceptsGzip(header), String(header)).toBe(false);
    }
  });
});
