import { css } from 'lit';

/**
 * The workspace lays itself out by its own width (container queries): the header wraps, the
 * Overview's cards go two by two from 44rem, form fields sit side by side from 36rem. The tabs
 * stay tabs at every width and scroll inside their strip when they do not fit.
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

  .header-top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .header-top .person {
    flex: 1 1 16rem;
    min-width: 0;
  }
  .header .name {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .header-side {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .ended-note--stale {
    border-inline-start: 4px solid var(--_warning);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }

  /* The Actions menu */
  .menu-wrap {
    position: relative;
  }
  .menu {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + var(--_space) / 2);
    z-index: 3;
    display: grid;
    min-width: 14rem;
    padding: calc(var(--_space) / 2) 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .menu[hidden] {
    display: none;
  }
  .menu-item {
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    border: 0;
    background: none;
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .menu-item:hover:not(:disabled),
  .menu-item:focus-visible {
    background: var(--_subtle);
  }
  .menu-item:focus-visible {
    outline: 2px solid var(--_focus, var(--_accent));
    outline-offset: -2px;
  }
  .menu-item:disabled {
    color: var(--_muted);
    cursor: not-allowed;
  }

  /* Tabs at every width; only the selected panel shows */
  .tabs {
    display: flex;
    gap: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .tab {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
    flex: 0 0 auto;
  }
  .tab:hover {
    color: var(--_text);
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--mentorship-tab-active-color, var(--_accent));
    color: var(--_text);
  }
  @container mentorship-workspace (max-width: 30rem) {
    .tab {
      padding: 0 var(--_space);
      font-size: 0.9375em;
    }
  }
  .tab-count {
    min-width: 1.5em;
    justify-content: center;
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
    align-content: start;
  }
  .panel[hidden] {
    display: none;
  }
  .panel:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 4px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .group-title {
    margin: 0 0 var(--_space);
    font-size: 1em;
  }

  /* Overview */
  .overview {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  @container mentorship-workspace (min-width: 44rem) {
    .overview {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .overview-card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  .overview-title {
    margin: 0;
    font-size: 0.875em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .overview-item {
    margin: 0;
    font-weight: 600;
  }
  .overview-card [part~='overview-note'] {
    padding: 0;
    border: 0;
    background: none;
  }
  .latest-messages {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .latest-messages p {
    margin: 0;
  }
  .excerpt {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .panels {
    display: grid;
    min-width: 0;
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
  .item-title {
    margin: 0;
    font-size: 1em;
    line-height: 1.3;
    overflow-wrap: anywhere;
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
    /* A milestone's or meeting's small buttons go two by two rather than one per line. */
    .card .actions > .button--small {
      flex: 1 1 calc(50% - var(--_space));
    }
    .form .actions > .button {
      flex: 1 1 100%;
    }
  }
`;
