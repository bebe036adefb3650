import { css } from 'lit';

/**
 * The Programmes tab's own styles, loaded with its module and added to the admin's shadow root
 * after the admin's styles (whose table, tiles, chart frame, badges and notices it reuses).
 */
export const programmesStyles = css`
  .badge--neutral {
    --_badge-color: var(--mentorship-status-neutral-color, var(--_muted));
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  /* List */
  .table .programme-open {
    display: inline;
    min-height: 1.5rem;
    padding: 0;
    font-size: 1em;
    font-weight: 700;
    text-align: start;
  }
  /* The name keeps room for a few words when the dates and status take their width. */
  .table th[scope='row'] {
    min-width: 9rem;
  }
  .table th > .meta,
  .table td > .meta,
  .table td > span:not(.badge):not(.meta) {
    display: block;
  }

  /* Detail */
  .programme-detail {
    display: grid;
    gap: calc(var(--_space) * 3);
    min-width: 0;
  }
  .back {
    gap: calc(var(--_space) / 2);
  }
  .summary-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }
  .programme-name {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }
  .programme-name:focus {
    outline: none;
  }
  .programme-name:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .programme-summary .facts {
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .section-title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .actions--start {
    justify-content: flex-start;
  }
  .empty-line {
    padding: calc(var(--_space) * 1.5);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .notice--success {
    border: 1px solid var(--_success);
    border-inline-start-width: 4px;
    background: color-mix(in srgb, var(--_success) 6%, var(--_surface));
  }
  .notice:focus-visible,
  .matching-results:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .matching-results {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
  }
  .matching-results:focus {
    outline: none;
  }

  /* People: enrolments, the unmatched and the at-risk list */
  .enrolment-lists {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: calc(var(--_space) * 2);
  }
  .enrolment-list {
    display: grid;
    align-content: start;
    gap: var(--_space);
    min-width: 0;
  }
  .people {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--mentorship-card-border-color, var(--_border));
    border-radius: var(--mentorship-card-radius, var(--_radius));
    background: var(--mentorship-card-background, var(--_surface));
  }
  .person-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    min-width: 0;
  }
  .person-row:last-child {
    border-bottom: 0;
  }
  .people--skeleton .person-row .line {
    height: 0.875rem;
    width: 50%;
  }
  .who {
    display: grid;
    min-width: 0;
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  .who-name {
    font-weight: 600;
  }
  .slots,
  .quiet {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .table .nowrap {
    white-space: nowrap;
  }

  /* Suggested pairs */
  .pairs .pair-mentor {
    min-width: 11rem;
  }
  .pairs .score {
    display: block;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .reasons,
  .refused {
    margin: 0;
    padding-inline-start: 1.125rem;
  }
  .reasons {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  /* Report chart: one bar per status, the numbers beside them as text */
  .bar-groups {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
  }
  .bar-group {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) / 2);
  }
  .bar-group-title {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .bars {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(6rem, 8rem) minmax(0, 1fr) 2.5rem;
    align-items: center;
    gap: var(--_space);
  }
  .bar-track {
    display: block;
    width: 100%;
    height: 0.875rem;
    border-radius: 2px;
    background: var(--_placeholder);
  }
  .bar-fill {
    fill: var(--mentorship-chart-accepted-color, var(--_accent));
  }
  .bar-value {
    text-align: end;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .at-risk {
    display: grid;
    gap: var(--_space);
  }

  /* The form's dialog: longer than the decision dialog, so it scrolls inside the viewport. */
  .programme-dialog {
    width: min(40rem, calc(100vw - 2rem));
    overflow-y: auto;
  }
  .form-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  .choices {
    margin: 0;
    padding: 0;
    border: 0;
    gap: var(--_space);
  }
  .choices > legend {
    margin-bottom: calc(var(--_space) / 2);
    padding: 0;
  }
  .choices > .choice {
    font-size: 1em;
    font-weight: 400;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_subtle);
  }
  .choice input {
    width: 1.25rem;
    min-height: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .choice-text {
    display: grid;
  }
  .choice-label {
    font-weight: 600;
  }
  .slug-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }

  @container mentorship-admin (max-width: 35rem) {
    /* Two report tiles a row in a phone-width column: seven one below the other is a long scroll. */
    .section .numbers {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5rem), 1fr));
    }
    /* A pair's cells put their label above them: the mentor menu and the reasons need the width. */
    .pairs td[data-label] {
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) / 4);
    }
    .pairs td[data-label] > * {
      grid-column: 1;
    }
    .pairs .pair-mentor {
      min-width: 0;
    }
    .bar-row {
      grid-template-columns: minmax(5rem, 7rem) minmax(0, 1fr) 2rem;
    }
    .programme-summary .facts {
      display: grid;
    }
  }
`;
