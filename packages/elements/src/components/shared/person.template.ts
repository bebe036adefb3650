import { msg, str } from '@lit/localize';
import type { PersonSummary, ProgrammeRef } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { initials, programmeLine, roleLine, safeHttpUrl } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';

const contains = (text: string, part: string) => part !== '' && text.toLocaleLowerCase().includes(part.toLocaleLowerCase());

export interface PersonHeaderOptions {
  headingId: string;
  /** The name's heading level (a card's: the dashboard's depth 2); 3 by default. */
  level?: number;
  detail?: 'role' | 'programme';
  /** One line under the name (a compact card): the headline, else the role or programme. */
  compact?: boolean;
}

/**
 * The other person on a request or mentorship card: picture or initials (decorative, the name is
 * beside it), name as the card's heading, headline, and role or programme. A line that only
 * repeats the name or the line above it is left out. Text bindings only.
 */
export function personHeader(person: PersonSummary, options: PersonHeaderOptions): TemplateResult {
  const photo = safeHttpUrl(person.avatarUrl);
  // A headline often already names the role ("Head of Analytics at Northwind"): then the
  // programme says more than repeating it.
  const roleInHeadline = contains(person.headline, person.position);
  const programmeDetail = options.detail === 'programme' || roleInHeadline;
  // …unless the headline names the programme too ("… · BS Business Administration 2021").
  const detailLine = programmeDetail ? (contains(person.headline, person.programme) ? '' : programmeLine(person)) : roleLine(person);
  // The title line is the name: a subtitle that says it again (or says what the headline says) goes.
  const headline = person.headline && person.headline.trim() !== person.name.trim() ? person.headline : '';
  const shown = (line: string) => (line && line.trim() !== person.name.trim() && !contains(headline, line) ? line : '');
  const detail = options.compact && headline ? '' : shown(detailLine);
  return html`
    <div class="person">
      ${photo
        ? html`<img part="avatar" class="avatar" src=${photo} alt="" loading="lazy" />`
        : html`<span part="avatar" class="avatar" aria-hidden="true">${initials(person.name)}</span>`}
      <div class="person-text">
        ${heading(options.level ?? 3, person.name, { class: 'name', id: options.headingId })}
        ${headline ? html`<p class="headline">${headline}</p>` : nothing}
        ${detail ? html`<p class="meta">${detail}</p>` : nothing}
      </div>
    </div>
  `;
}

/** A labelled list of tags (skills, expertise); nothing when empty. */
export function chipList(label: string, values: readonly string[]): TemplateResult | typeof nothing {
  if (!values.length) return nothing;
  return html`
    <div class="label-row">
      <p class="label" aria-hidden="true">${label}</p>
      <ul class="chips" aria-label=${label}>
        ${values.map((v) => html`<li part="chip" class="chip">${v}</li>`)}
      </ul>
    </div>
  `;
}

/** A labelled block of free text (goals, a message), line breaks kept; nothing when empty. */
export function textBlock(label: string, text: string | TemplateResult | null | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`
    <div class="label-row">
      <p class="label">${label}</p>
      <p class="prose">${text}</p>
    </div>
  `;
}

/**
 * The programme a request or mentorship belongs to: "Programme: Data careers 2027", or "Introduced
 * by Data careers 2027" for a request the programme team made; nothing in the open marketplace.
 */
export function programmeNote(item: { programme: ProgrammeRef | null; introduced?: boolean }): TemplateResult | typeof nothing {
  const name = item.programme?.name;
  if (!name) return nothing;
  return html`<p part="programme-line" class="meta">${item.introduced ? msg(str`Introduced by ${name}`) : msg(str`Programme: ${name}`)}</p>`;
}

/** A card-shaped placeholder. */
export function cardSkeleton(): TemplateResult {
  return html`
    <div part="card skeleton" class="card" aria-hidden="true">
      <div class="person">
        <span class="avatar skeleton"></span>
        <div class="person-text person-text--fill">
          <span class="skeleton line line--short"></span>
          <span class="skeleton line line--medium"></span>
        </div>
      </div>
      <span class="skeleton line line--long"></span>
      <div class="chips"><span class="skeleton pill"></span><span class="skeleton pill"></span></div>
    </div>
  `;
}

/**
 * What a person wrote into something two people share (a request's goals, a progress note), or —
 * once their account was erased, and the text with it — a note saying so, never a blank.
 */
export function writtenText(text: string): TemplateResult | string {
  return text === '' ? html`<em class="erased">${msg('Removed when the account was deleted')}</em>` : text;
}
