import { msg, str } from '@lit/localize';
import type { MentorCard, MentorProfile } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { meetingFormatLabel, programmeLine, replyDuration, roleLine, safeHttpUrl, yearsLabel } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { availabilityBadge, avatar, expertiseChips, requestButton, requestState, type RequestGate } from './mentor-card.template.js';

export interface ProfileView {
  /** The card the viewer opened; shown at once while the full profile loads. */
  card: MentorCard;
  profile: MentorProfile | undefined;
  status: 'loading' | 'ready' | 'error';
  errorText: string;
  showPhoto: boolean;
  /** The level of the mentor's name; the profile's sections sit one below. */
  headingLevel: number;
  /** A programme's rule on requests (see `RequestGate`). */
  gate?: RequestGate;
}

export interface ProfileActions {
  close: () => void;
  retry: () => void;
  request: (mentor: MentorCard, trigger: HTMLElement) => void;
  avatarFailed: (card: MentorCard) => void;
}

const section = (level: number, title: string, body: TemplateResult | string) => html`
  <section class="profile-section">
    ${heading(level, title)}
    ${typeof body === 'string' ? html`<p class="prose">${body}</p>` : body}
  </section>
`;

function stats(profile: MentorProfile): TemplateResult {
  const { stats } = profile;
  const reply = replyDuration(stats.medianResponseHours);
  const rating =
    stats.averageRating === null
      ? msg('No ratings yet')
      : stats.ratingCount === 1
        ? msg(str`${formatNumber(stats.averageRating, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} out of 5 (1 rating)`)
        : msg(str`${formatNumber(stats.averageRating, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} out of 5 (${formatNumber(stats.ratingCount)} ratings)`);
  return html`
    <dl class="stats" part="stats">
      <div><dt>${msg('Mentees helped')}</dt><dd>${formatNumber(stats.menteesHelped)}</dd></div>
      <div><dt>${msg('Median reply time')}</dt><dd>${reply ?? msg('No replies yet')}</dd></div>
      <div><dt>${msg('Rating')}</dt><dd>${rating}</dd></div>
    </dl>
  `;
}

function details(profile: MentorProfile, level: number): TemplateResult {
  const linkedin = safeHttpUrl(profile.linkedinUrl);
  const website = safeHttpUrl(profile.websiteUrl);
  const experience = [yearsLabel(profile.yearsOfExperience), roleLine(profile), profile.industry].filter(Boolean).join(' · ');
  return html`
    ${stats(profile)}
    ${profile.bio ? section(level, msg('About'), profile.bio) : nothing}
    ${profile.mentoringBio ? section(level, msg('How I mentor'), profile.mentoringBio) : nothing}
    ${profile.expertise.length ? section(level, msg('Expertise'), expertiseChips(profile.expertise, msg('Expertise'))) : nothing}
    ${section(level, msg('Experience'), experience)}
    ${profile.languages.length ? section(level, msg('Languages'), profile.languages.join(', ')) : nothing}
    ${profile.meetingFormats.length ? section(level, msg('Meets by'), profile.meetingFormats.map(meetingFormatLabel).join(', ')) : nothing}
    ${profile.match.reasons.length
      ? section(level, 
          msg(str`${profile.match.score}% match`),
          html`<ul class="reasons">${profile.match.reasons.map((r) => html`<li>${r}</li>`)}</ul>`,
        )
      : nothing}
    ${linkedin || website
      ? section(level, 
          msg('Links'),
          html`<ul class="links">
            ${linkedin ? html`<li><a href=${linkedin} target="_blank" rel="noopener noreferrer">${msg('LinkedIn profile')}</a></li>` : nothing}
            ${website ? html`<li><a href=${website} target="_blank" rel="noopener noreferrer">${msg('Personal website')}</a></li>` : nothing}
          </ul>`,
        )
      : nothing}
  `;
}

const loadingDetails = html`
  <div class="profile-loading" aria-hidden="true">
    <span class="skeleton line line--long"></span>
    <span class="skeleton line line--long"></span>
    <span class="skeleton line line--medium"></span>
    <span class="skeleton line line--short"></span>
  </div>
`;

/** The profile dialog's content: header from the card at once, the rest when the profile arrives. */
export function profileContent(view: ProfileView, actions: ProfileActions): TemplateResult {
  const mentor = view.profile ?? view.card;
  const programme = programmeLine(mentor);
  return html`
    <header class="dialog-head">
      ${avatar(mentor, view.showPhoto, () => actions.avatarFailed(view.card))}
      <div class="card-title">
        ${heading(view.headingLevel, mentor.name, { class: 'name', id: 'dialog-title' })}
        ${mentor.headline ? html`<p class="headline">${mentor.headline}</p>` : nothing}
        ${programme ? html`<p class="meta">${programme}</p>` : nothing}
        ${availabilityBadge(mentor)}
      </div>
      <button class="button close" part="button close-button" type="button" aria-label=${msg('Close profile')} @click=${actions.close}>
        <span aria-hidden="true">✕</span>
      </button>
    </header>
    <div class="dialog-body" aria-busy=${view.status === 'loading' ? 'true' : 'false'}>
      ${view.status === 'loading' ? html`<p class="visually-hidden">${msg('Loading profile…')}</p>${loadingDetails}` : nothing}
      ${view.status === 'error'
        ? html`<div class="notice notice--error" role="alert">
            <p>${view.errorText}</p>
            <button class="button" part="button retry-button" type="button" @click=${actions.retry}>${msg('Retry')}</button>
          </div>`
        : nothing}
      ${view.profile ? details(view.profile, view.headingLevel + 1) : nothing}
    </div>
    <footer class="dialog-foot">
      <button class="button" part="button" type="button" @click=${actions.close}>${msg('Close')}</button>
      ${requestState(mentor)}
      ${requestButton(mentor, view.gate ?? 'open', actions.request)}
    </footer>
  `;
}
