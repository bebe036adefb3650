import { css } from 'lit';

export const mentorSearchStyles = css`
  :host {
    /* Layout follows the element's own width, not the viewport: portals put it in columns and sidebars. */
    container: mentor-search / inline-size;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  /* Search row */
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 1.5);
  }
  .search-field {
    flex: 1 1 16rem;
  }
  .sort-field {
    flex: 0 1 12rem;
  }
  /* "Skip to results": out of sight until a keyboard user reaches it, then a plain link under the box. */
  .skip-link:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .skip-link:focus {
    justify-self: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
  }
  .results-region {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
  }
  .results-region:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
  .filters-toggle {
    display: none;
  }

  /* Filters */
  .filters {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: var(--_space);
    padding: 0;
  }
  .filter-chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .filter-chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-height: 2rem;
    max-width: 100%;
    padding: 2px calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.875em;
    text-align: start;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .filter-chip:hover {
    border-color: var(--_accent);
  }
  .filter-chip .check {
    display: none;
  }
  .filter-chip[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .filter-chip[aria-pressed='true'] .check {
    display: inline;
  }
  .filter-chip .count {
    color: inherit;
    font-variant-numeric: tabular-nums;
    opacity: 0.85;
  }
  .filter-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_space) * 1.5);
  }

  /* Count line */
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-height: 1.5rem;
    color: var(--_muted);
  }
  .count {
    font-weight: 600;
    color: var(--_text);
  }

  /* Results */
  .results {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card-head {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: start;
    gap: calc(var(--_space) * 2);
  }
  .card-title {
    display: grid;
    gap: calc(var(--_space) / 4);
    min-width: 0;
  }
  .name {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .headline {
    font-weight: 500;
  }
  .meta,
  .reply {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .avatar {
    flex: none;
    width: var(--mentorship-avatar-size, 3.5rem);
    height: var(--mentorship-avatar-size, 3.5rem);
    border-radius: 50%;
    object-fit: cover;
  }
  .avatar--initials {
    display: grid;
    place-items: center;
    background: var(--_subtle);
    color: var(--_accent);
    font-weight: 700;
    font-size: 1.125em;
    letter-spacing: 0.02em;
  }
  .match strong {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }
  .card:focus-visible {
    outline: 3px solid var(--_focus);
  }

  /* The programme a search is limited to. */
  .programme-banner {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 5%, var(--_surface));
  }
  .programme-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .programme-kicker {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .programme-banner .name {
    font-size: 1.25em;
  }
  .enrolled-mark {
    color: var(--_success);
    font-weight: 700;
  }
  .programme-note:focus {
    outline: none;
  }
  .programme-note:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .enrol {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .enrol-goals {
    flex: 1 1 16rem;
    min-width: 0;
  }
  .badge--good {
    --_badge-color: var(--_success);
  }
  .badge--info {
    --_badge-color: var(--_accent);
  }
  .badge--waiting {
    --_badge-color: var(--_warning);
  }
  .badge--neutral {
    --_badge-color: var(--_muted);
  }
  .gate-note {
    flex: 1 1 12rem;
    text-align: end;
  }
  .request-programme {
    font-weight: 600;
  }

  /* Skeleton cards keep the card's shape. */
  .card--skeleton .line {
    height: 0.875rem;
  }
  .badge-placeholder {
    width: 9rem;
    height: 1.75rem;
    border-radius: 999px;
  }
  .button-placeholder {
    width: 9rem;
    height: 2.5rem;
  }

  /* Profile dialog */
  .dialog {
    width: min(44rem, calc(100vw - 2rem));
  }
  .dialog-head {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: start;
    gap: calc(var(--_space) * 2);
  }
  .dialog-head .name {
    font-size: 1.375em;
  }
  .dialog-head .badge {
    justify-self: start;
    margin-top: calc(var(--_space) / 2);
  }
  .close {
    padding: 0;
  }
  .dialog-body {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .profile-section :is(h2, h3, h4, h5, h6) {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1em;
  }
  .reasons {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--_space);
    margin: 0;
  }
  .stats > div {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .stats dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .stats dd {
    margin: 0;
    font-weight: 700;
  }
  .profile-loading {
    display: grid;
    gap: var(--_space);
  }
  .profile-loading .line {
    height: 0.875rem;
  }
  .dialog-foot {
    justify-content: space-between;
  }
  /* A pending request's time left, beside its disabled button. */
  .request-state {
    align-self: center;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .dialog-foot .request-state {
    flex: 1 1 12rem;
    text-align: end;
  }

  /* Request dialog */
  .dialog--request {
    width: min(38rem, calc(100vw - 2rem));
  }
  .request-head {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .request-head .name {
    font-size: 1.25em;
  }
  .request-form {
    display: grid;
    gap: calc(var(--_space) * 2.5);
  }
  .request-form .field {
    gap: calc(var(--_space) * 0.75);
  }
  .required,
  .optional {
    color: var(--_muted);
    font-weight: 400;
  }
  .hint,
  .counter {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .counter {
    flex: none;
    font-variant-numeric: tabular-nums;
  }
  .counter--over {
    color: var(--_danger);
    font-weight: 600;
  }
  .field-foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: start;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .field-foot > div {
    flex: 1 1 12rem;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .field-error {
    font-size: 0.875em;
  }
  textarea {
    display: block;
    min-height: 5rem;
    line-height: 1.5;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 4px 0 0 var(--_danger);
  }
  .skills-field {
    display: grid;
    gap: var(--_space);
  }
  .skills-field legend {
    margin-bottom: calc(var(--_space) / 2);
  }
  .chip--removable {
    padding-inline-end: 2px;
  }
  .chip-remove {
    display: inline-grid;
    place-items: center;
    min-width: 24px;
    min-height: 24px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .chip-remove:hover {
    background: var(--_placeholder);
  }
  .add-skill {
    display: flex;
    align-items: end;
    gap: var(--_space);
  }
  .add-skill > .field {
    flex: 1 1 auto;
  }
  .add-skill > .button {
    flex: none;
    white-space: nowrap;
  }
  .skills-field > .chips {
    margin-block: calc(var(--_space) / 2);
  }
  .request-error p {
    font-weight: 600;
  }
  .request-sent {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_success);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .sent-title {
    font-size: 1.125em;
    font-weight: 700;
  }
  .sent-mark {
    color: var(--_success);
  }
  .dialog-foot--end {
    justify-content: flex-end;
  }
  /* Dialogs sit in the top layer and take their width from the viewport, not the container. */
  @media (max-width: 30rem) {
    .dialog-panel {
      padding: calc(var(--_space) * 2);
    }
  }

  /* Narrow containers: filters fold behind a toggle, cards stack. */
  @container mentor-search (max-width: 36rem) {
    .filters-toggle {
      display: inline-flex;
    }
    .sort-field {
      flex: 1 1 8rem;
    }
    .filters:not(.filters--open) {
      display: none;
    }
    .card-head {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .card-head > .badge,
    .card-head > .badge-placeholder {
      grid-column: 1 / -1;
      justify-self: start;
    }
    .actions > .button {
      flex: 1 1 100%;
    }
    .actions > .gate-note {
      text-align: start;
    }
  }
`;
