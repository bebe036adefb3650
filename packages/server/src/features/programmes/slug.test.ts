import { programmeSlug } from '@mentorkit/contract';
import { describe, expect, it } from 'vitest';
import { slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Pag-aaral sa Datos — 2027', 'pag-aaral-sa-datos-2027'],
    ['Data Engineering Cohort', 'data-engineering-cohort'],
    ['  Café Économie & Société  ', 'cafe-economie-societe'],
    ['Señor Niño: Año 2027!', 'senor-nino-ano-2027'],
    ['Straße Øresund Łódź', 'strasse-oresund-lodz'],
    ['ｆｕｌｌ ｗｉｄｔｈ ２０２７', 'full-width-2027'],
    ['---Leading and trailing---', 'leading-and-trailing'],
    ['A  --  B', 'a-b'],
    ['Ab!', 'programme-ab'],
    ['数据科学', 'programme'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts at 80 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(79)} bcd`);
    expect(slug).toBe('a'.repeat(79));
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(slugify('word '.repeat(40)).endsWith('-')).toBe(false);
  });

  it('always makes a slug the contract accepts', () => {
    for (const name of ['Pag-aaral sa Datos — 2027', '数据科学', 'x y', '!!!', 'word '.repeat(40), 'Ünïcödé ✨ 2028', 'ab']) {
      expect(programmeSlug.safeParse(slugify(name)).success, name).toBe(true);
    }
  });
});
