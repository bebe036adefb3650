import { sql, type RawBuilder } from 'kysely';

/**
 * The search box's text as a tsquery.
 *
 * The search document (migration `mentor_search_document`) holds the name under the `simple`
 * configuration and everything else under `english`, so a word must be looked up both ways:
 * "Santos" is `santos` in the name but `santo` after English stemming; "engineering" is `engin`
 * in the expertise. Running `websearch_to_tsquery` once per configuration and OR-ing the two
 * matches gets mixed queries wrong ("Santos engineering": neither half matches) and breaks
 * exclusions ("python -finance": the `simple` half's `!finance` is true for a document that holds
 * `financ`). So each word becomes `(english | simple)` and the websearch structure (AND between
 * words, `or`, `-word`, `"phrases"`) is built around those terms.
 */

export interface TextTerm {
  text: string;
  phrase: boolean;
  negated: boolean;
}

/** At most this many words take part; the rest of a very long query is ignored. */
const MAX_TERMS = 32;

/** Splits websearch syntax into OR-groups of AND-ed terms. */
export function parseTextQuery(q: string): TextTerm[][] {
  const groups: TextTerm[][] = [[]];
  let terms = 0;
  const re = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (let m = re.exec(q); m && terms < MAX_TERMS; m = re.exec(q)) {
    const phrase = m[2] !== undefined;
    const text = (phrase ? m[2] : m[4])!.trim();
    const negated = (phrase ? m[1] : m[3]) === '-';
    if (!phrase && !negated && text.toLowerCase() === 'or') {
      if (groups.at(-1)!.length > 0) groups.push([]);
      continue;
    }
    if (!text || /^-+$/.test(text)) continue;
    groups.at(-1)!.push({ text, phrase, negated });
    terms += 1;
  }
  return groups.filter((g) => g.length > 0);
}

/** One word or phrase under both configurations; a stop word (no English lexeme) is no term. */
function term(t: TextTerm): RawBuilder<unknown> {
  const fn = sql.raw(t.phrase ? 'phraseto_tsquery' : 'plainto_tsquery');
  const english = sql`${fn}('english', ${t.text}::text)`;
  const simple = sql`${fn}('simple', ${t.text}::text)`;
  const both = sql`(CASE WHEN numnode(${english}) = 0 OR ${english} = ${simple} THEN ${english} ELSE ${english} || ${simple} END)`;
  return t.negated ? sql`(!! ${both})` : both;
}

/**
 * `q` (after `normalizeQuery`) as a tsquery expression, or undefined when it holds no word at all.
 * The expression still yields an empty tsquery for stop words only, punctuation or emoji; empty
 * tsqueries are neutral in `&&` and `||`. It runs inside the viewer's statement (`loadViewer`), so
 * the text query costs no round trip of its own.
 */
export function tsQueryExpression(q: string): RawBuilder<unknown> | undefined {
  const groups = parseTextQuery(q);
  if (groups.length === 0) return undefined;
  return sql.join(groups.map((g) => sql`(${sql.join(g.map(term), sql` && `)})`), sql` || `);
}
