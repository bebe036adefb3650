import { css } from 'lit';

/**
 * What both dashboards draw alike: sections, cards, status badges, notices, dialogs, form
 * fields, skeletons. Layout switches by the element's own width (each dashboard names its
 * container); the host's `container-type` is set here.
 */
export const dashboardStyles = css`
  :host {
    container-type: inline-size;
  }
  .base,
  .stack {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.3;
    font-size: 1.0625em;
  }
  /* Sizes follow the role of a heading, not its level (a host may move the levels). */
  .dashboard-title {
    font-size: 1.375em;
  }
  .section > h1,
  .section > h2,
  .section > h3,
  .section > h4,
  .section-head > :is(h1, h2, h3, h4, h5, h6),
  .settings-head > :is(h1, h2, h3, h4, h5, h6),
  .notice-title {
    font-size: 1.1875em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .prose {
    overflow-wrap: anywhere;
  }

  /* Sections */
  .section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .list {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Cards */
  .card {
    gap: calc(var(--_space) * 1.25);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .person {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
    flex: 1 1 14rem;
  }
  .person-text {
    display: grid;
    gap: calc(var(--_space) / 4);
    min-width: 0;
  }
  .person-text--fill {
    flex: 1;
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: var(--mentorship-avatar-size, 2.75rem);
    height: var(--mentorship-avatar-size, 2.75rem);
    border-radius: 50%;
    background: var(--_subtle);
    color: var(--_accent);
    font-weight: 700;
    object-fit: cover;
  }
  .label-row {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .label {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .actions--end {
    justify-content: flex-end;
  }
  /* Not yet confirmed by the server (e.g. a mentorship just accepted). */
  [aria-busy='true'] > .card {
    opacity: 0.7;
  }

  /* A text its author's erased account took with it. */
  .erased {
    color: var(--_muted);
  }

  /* Status badges: the word carries the meaning, the colour repeats it. */
  .badge--waiting {
    --_badge-color: var(--mentorship-status-waiting-color, var(--_warning));
  }
  .badge--good {
    --_badge-color: var(--mentorship-status-positive-color, var(--_success));
  }
  .badge--bad {
    --_badge-color: var(--mentorship-status-negative-color, var(--_danger));
  }
  .badge--neutral {
    --_badge-color: var(--mentorship-status-neutral-color, var(--_muted));
  }
  .badge--info {
    --_badge-color: var(--mentorship-status-info-color, var(--_accent));
  }
  /* Expired: a hollow dot, so it differs from withdrawn without another colour. */
  .badge--faded {
    --_badge-color: var(--mentorship-status-neutral-color, var(--_muted));
  }
  .badge--faded::before {
    background: transparent;
    box-shadow: inset 0 0 0 2px var(--_badge-color);
  }
  /* Unread messages on a mentorship card. */
  .badge--unread {
    --_badge-color: var(--mentorship-unread-badge-color, var(--_accent));
  }

  /* Notices: empty states, errors, messages on a card after a refused action. */
  .notice {
    padding: calc(var(--_space) * 2.5);
  }
  .inline-error {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_danger);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }
  .inline-error::before {
    content: '⚠ ';
  }

  /* Fields beyond the shared ones */
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .field-error {
    font-size: 0.9375em;
  }
  .counter {
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.25rem;
    cursor: pointer;
  }
  fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: calc(var(--_space) / 2);
    padding: 0;
    font-size: 0.875em;
    font-weight: 600;
  }

  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    font-size: 0.9375em;
  }

  /* Dialogs */
  .dialog {
    width: min(34rem, calc(100vw - 2rem));
  }
  .dialog-panel h2 {
    font-size: 1.25em;
  }

  /* Skeletons keep the shape of what is loading. */
  .line {
    height: 0.875rem;
  }
  .line--heading {
    width: 12rem;
    max-width: 60%;
    height: 1.25rem;
  }
  .line--short {
    width: 35%;
  }
  .block {
    height: 4.5rem;
  }

  /* Narrow containers: actions take the full width, one under the other. */
  @container (max-width: 30rem) {
    .card .actions > .button,
    .dialog-foot > .button {
      flex: 1 1 100%;
    }
  }
`;
