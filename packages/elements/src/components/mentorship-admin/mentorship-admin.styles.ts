import { css } from 'lit';

export const mentorshipAdminStyles = css`
  :host {
    /* Layout follows the element's own width, not the viewport: portals put it in columns and full pages. */
    container: mentorship-admin / inline-size;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
  }

  /* Action results: always in the tree (a live region must exist before it speaks), boxed only when it says something. */
  .announcer:not(:empty) {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_success);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
    font-weight: 600;
  }
  .announcer--error:not(:empty) {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }

  /* Tabs */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    min-height: 2.75rem;
    margin-bottom: -1px;
    padding: 0 calc(var(--_space) * 2);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_text);
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--mentorship-tab-indicator-color, var(--_accent));
    color: var(--_text);
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
    border-radius: var(--_radius);
  }
  .panel[hidden] {
    display: none;
  }

  /* Filters and counts */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 1.5);
  }
  .toolbar .field {
    flex: 0 1 14rem;
  }
  .toolbar .field--grow {
    flex: 1 1 16rem;
  }
  .summary {
    flex: 1 1 12rem;
    min-height: 2.5rem;
    align-content: center;
    color: var(--_muted);
    font-weight: 600;
  }

  /* Application cards */
  .list {
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
  .avatar {
    flex: none;
    width: 3rem;
    height: 3rem;
    border-radius: 50%;
  }
  .avatar--initials {
    display: grid;
    place-items: center;
    background: var(--_subtle);
    color: var(--_accent);
    font-weight: 700;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
    margin: 0;
  }
  .facts dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .block-title {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 0.9375em;
  }
  /* An admin's own application: why no decision is offered. */
  .own-note {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_subtle);
  }
  .decision-notes {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .card:focus-visible {
    outline: 3px solid var(--_focus);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  /* Status badges: the words carry the meaning, the colour repeats it. */
  .badge {
    white-space: nowrap;
  }
  /* The tones of the shared status badges (status-badge.template.ts). */
  .badge--good {
    --_badge-color: var(--mentorship-status-positive-color, var(--_success));
  }
  .badge--waiting {
    --_badge-color: var(--mentorship-status-waiting-color, var(--_warning));
  }
  .badge--info {
    --_badge-color: var(--mentorship-status-info-color, var(--_accent));
  }
  .badge--bad {
    --_badge-color: var(--mentorship-status-negative-color, var(--_danger));
  }

  /* Mentor table */
  .table-wrap {
    min-width: 0;
    border: 1px solid var(--mentorship-card-border-color, var(--_border));
    border-radius: var(--mentorship-card-radius, var(--_radius));
    background: var(--mentorship-card-background, var(--_surface));
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    /* Not "anywhere": that shrinks columns to single letters ("Ment-ees"); long names still wrap. */
    overflow-wrap: break-word;
  }
  .table th,
  .table td {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .table tbody tr:last-child > * {
    border-bottom: 0;
  }
  .table thead th {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .table tbody th {
    font-weight: 400;
  }
  .table .name {
    display: block;
    font-size: 1em;
    font-weight: 700;
  }
  .table td > .meta,
  .table th > .meta {
    display: block;
  }
  .row-actions {
    text-align: end;
    white-space: nowrap;
  }
  .table th:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }

  /* Programme */
  .numbers {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: calc(var(--_space) * 1.5);
    margin: 0;
  }
  .number {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) / 4);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--mentorship-card-border-color, var(--_border));
    border-radius: var(--mentorship-card-radius, var(--_radius));
    background: var(--mentorship-card-background, var(--_surface));
  }
  .number dt {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .number dd {
    margin: 0;
  }
  .number-value {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .number-detail {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .chart {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--mentorship-card-border-color, var(--_border));
    border-radius: var(--mentorship-card-radius, var(--_radius));
    background: var(--mentorship-card-background, var(--_surface));
  }
  .chart-caption {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }
  .chart-title {
    font-weight: 700;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  .swatch {
    width: 0.875rem;
    height: 0.875rem;
    border-radius: 2px;
  }
  .chart-svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .swatch--requests,
  .bar--requests {
    background: var(--mentorship-chart-requests-color, var(--_muted));
    fill: var(--mentorship-chart-requests-color, var(--_muted));
  }
  .swatch--accepted,
  .bar--accepted {
    background: var(--mentorship-chart-accepted-color, var(--_accent));
    fill: var(--mentorship-chart-accepted-color, var(--_accent));
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .tick {
    fill: var(--_muted);
    font-size: 12px;
  }

  /* Skeletons keep the shape of what is coming. */
  .card--skeleton .line,
  .skeleton-row .line,
  .number .line,
  .checking .line {
    height: 0.875rem;
  }
  .checking {
    display: grid;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 2);
  }
  .button-placeholder {
    width: 8rem;
    height: 2.5rem;
  }
  .table-skeleton {
    display: grid;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .skeleton-row {
    display: grid;
    grid-template-columns: 2fr 1fr 1fr auto;
    align-items: center;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
  }
  .skeleton-row:last-child {
    border-bottom: 0;
  }
  .figure-placeholder {
    width: 40%;
    height: 2rem;
  }
  .programme-skeleton {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .chart-placeholder {
    height: 14rem;
  }

  /* Not allowed (not an admin) */
  .notice--forbidden {
    border-style: solid;
    border-inline-start: 4px solid var(--_warning);
  }

  /* Dialog */
  .dialog-title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }

  /* Narrow containers (about 560px): the mentor table becomes one card per mentor, every cell labelled. */
  @container mentorship-admin (max-width: 35rem) {
    .table-wrap {
      border: 0;
      background: none;
    }
    .table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .table,
    .table tbody,
    .table tr,
    .table th,
    .table td {
      display: block;
    }
    .table tbody {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    .table tr {
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--mentorship-card-border-color, var(--_border));
      border-radius: var(--mentorship-card-radius, var(--_radius));
      background: var(--mentorship-card-background, var(--_surface));
    }
    .table tbody th,
    .table td {
      padding: calc(var(--_space) / 2) 0;
      border: 0;
    }
    .table td[data-label] {
      display: grid;
      grid-template-columns: minmax(0, 9rem) minmax(0, 1fr);
      gap: var(--_space);
    }
    .table td[data-label]::before {
      content: attr(data-label);
      color: var(--_muted);
      font-size: 0.875em;
      font-weight: 600;
    }
    .table td[data-label] > * {
      grid-column: 2;
    }
    .row-actions {
      padding-top: var(--_space);
      text-align: start;
    }
    .row-actions .button {
      width: 100%;
    }
    .card-head {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .card-head > .badge {
      grid-column: 1 / -1;
      justify-self: start;
    }
    .actions > .button {
      flex: 1 1 100%;
    }
    .skeleton-row {
      grid-template-columns: 1fr;
    }
    /* The chart is drawn at about half size here: larger type keeps its labels readable, and
       every other week label folds away so they never collide. */
    .tick {
      font-size: 22px;
    }
    .tick--minor {
      display: none;
    }
    .tab {
      padding: 0 var(--_space);
    }
  }
`;
