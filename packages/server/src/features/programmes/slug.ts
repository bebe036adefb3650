/** Letters that Unicode decomposition does not fold to ASCII but people read as these. */
const LIGATURES: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
};

/** The shortest and longest slug the contract accepts. */
const MIN = 3;
const MAX = 80;

/**
 * A programme's slug made from its name: lower-case ASCII with accents folded ("Pag-aaral sa
 * Datos — 2027" → "pag-aaral-sa-datos-2027"), every run of other characters one hyphen, at most
 * 80 characters cut at a hyphen-free end. A name with too little Latin text for a slug of three
 * characters (a name in another script) is prefixed with "programme" so it still has one.
 */
export function slugify(name: string): string {
  const folded = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðþłıħ]/g, (c) => LIGATURES[c] ?? c);
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX).replace(/-+$/, '');
  if (slug.length >= MIN) return slug;
  return slug ? `programme-${slug}` : 'programme';
}
