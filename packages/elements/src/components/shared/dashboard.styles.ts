import { css } from 'lit';

/**
 * What both dashboards draw alike: sections, cards, status badges, notices, dialogs, form
 * fields, skeletons. Layout switches by the element's own width (each dashboard names its
 * container); the host's `container-type` is set here.
 */
export const dashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.5;
  }
  .base,
  .stack {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  p {
    margin: 0;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.0625em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .muted,
  .meta,
  .hint {
    color: var(--_muted);
  }
  .meta,
  .hint {
    font-size: 0.9375em;
  }
  .prose {
    white-space: pre-line;
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
    display: grid;
    gap: calc(var(--_space) * 1.25);
    min-width: 0;
    padding: var(--mentorship-card-padding, calc(var(--_space) * 2.5));
    border: 1px solid var(--mentorship-card-border-color, var(--_border));
    border-radius: var(--mentorship-card-radius, var(--_radius));
    background: var(--mentorship-card-background, var(--_surface));
    overflow-wrap: anywhere;
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
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
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

  /* Notices: empty states, errors, messages on a card after a refused action. */
  .notice {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2.5);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .notice--error {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
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
  textarea {
    width: 100%;
    min-width: 0;
    min-height: 6rem;
    padding: var(--_space);
    border: 1px solid var(--mentorship-field-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    resize: vertical;
  }
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
    color: var(--_danger);
    font-size: 0.9375em;
    font-weight: 600;
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

  /* History disclosure */
  details > summary {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.5rem;
    cursor: pointer;
    font-weight: 600;
    list-style: none;
  }
  details > summary::-webkit-details-marker {
    display: none;
  }
  details > summary::before {
    content: '▸';
    display: inline-block;
    transition: transform 120ms;
  }
  details[open] > summary::before {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    details > summary::before {
      transition: none;
    }
  }
  details[open] > summary {
    margin-bottom: var(--_space);
  }

  /* Dialogs */
  .dialog {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .dialog::backdrop {
    background: rgb(15 20 30 / 0.55);
  }
  .dialog-panel {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 3);
  }
  .dialog-panel h2 {
    font-size: 1.25em;
  }
  .dialog-foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .button--danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_on-accent);
  }
  .button--danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger) 88%, var(--_text));
  }
  @media (prefers-reduced-motion: no-preference) {
    .dialog[open] {
      animation: mentorship-dialog-in 160ms ease-out;
    }
    @keyframes mentorship-dialog-in {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
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
  .line--medium {
    width: 60%;
  }
  .line--long {
    width: 85%;
  }
  .pill {
    width: 6rem;
    height: 1.75rem;
    border-radius: 999px;
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
