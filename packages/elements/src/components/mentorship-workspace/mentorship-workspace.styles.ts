import { css } from 'lit';

/**
 * The workspace lays itself out by its own width: on narrow containers the sections are tabs
 * (one panel at a time), on wide ones the tab strip hides and every section shows, stacked.
 */
export const workspaceStyles = css`
  :host {
    container-name: mentorship-workspace;
  }
  .header {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .progress {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .progress-label {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.9375em;
  }
  .bar {
    height: var(--mentorship-progress-height, 0.75rem);
    border-radius: 999px;
    background: var(--mentorship-progress-track, var(--_placeholder));
    overflow: hidden;
  }
  .bar-fill {
    height: 100%;
    border-radius: inherit;
    background: var(--mentorship-progress-color, var(--_accent));
    transition: width 200ms ease-out;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar-fill {
      transition: none;
    }
  }
  .ended-note {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }

  /* Tabs (narrow) / stacked sections (wide) */
  .tabs {
    display: flex;
    gap: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
    overflow-x: auto;
  }
  .tab {
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    flex: 1 0 auto;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--mentorship-tab-active-color, var(--_accent));
    color: var(--_text);
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
  }
  .panel[data-inactive] {
    display: none;
  }
  .panel-title {
    display: none;
  }
  @container mentorship-workspace (min-width: 48rem) {
    .tabs {
      display: none;
    }
    .panel[data-inactive] {
      display: grid;
    }
    .panel-title {
      display: block;
    }
    .panels {
      gap: calc(var(--_space) * 4);
    }
  }
  .panels {
    display: grid;
    gap: calc(var(--_space) * 3);
  }

  /* Forms */
  .form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--mentorship-form-background, var(--_surface));
  }
  .form-grid {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  @container mentorship-workspace (min-width: 36rem) {
    .form-grid {
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    }
  }
  .zone-preview {
    font-size: 0.9375em;
  }
  .warning {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_warning);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }
  .overdue {
    color: var(--_danger);
    font-weight: 600;
  }
  .overdue::before {
    content: '⚠ ';
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  h4 {
    margin: 0;
    font-size: 1em;
    line-height: 1.3;
  }
  .when {
    font-weight: 600;
  }
  .their-time {
    color: var(--_muted);
    font-weight: 400;
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1.5);
  }
  .timeline {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0 0 0 calc(var(--_space) * 2);
    border-inline-start: 2px solid var(--_border);
    list-style: none;
  }
  .percent {
    font-variant-numeric: tabular-nums;
  }
  a.button {
    text-decoration: none;
  }
  a.link {
    color: var(--_accent);
    min-height: 1.5rem;
    display: inline-block;
  }
  .button--small {
    min-height: 2rem;
    padding: 0 calc(var(--_space) * 1.25);
    font-size: 0.9375em;
  }
  @container mentorship-workspace (max-width: 30rem) {
    .header .actions > .button,
    .form .actions > .button {
      flex: 1 1 100%;
    }
  }
`;
