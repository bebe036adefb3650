import { css } from 'lit';

/**
 * What only the dashboards' lists draw (not the workspace, which loads `dashboardStyles` too but
 * not this): collapsed sections, compact mentorship cards with their progress bar, and the detail
 * view's way back.
 */
export const dashboardListStyles = css`
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

  /* Compact mentorship cards */
  .card-badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .card--compact {
    gap: calc(var(--_space) * 0.75);
  }
  .card--compact .actions {
    margin-block-start: calc(var(--_space) / 2);
  }
  .progress-bar {
    flex: 1 1 8rem;
    max-inline-size: 16rem;
    block-size: 0.5rem;
    border: 0;
    border-radius: 999px;
    background: var(--_placeholder);
    overflow: hidden;
    appearance: none;
  }
  .progress-bar::-webkit-progress-bar {
    border-radius: 999px;
    background: var(--_placeholder);
  }
  .progress-bar::-webkit-progress-value {
    border-radius: 999px;
    background: var(--mentorship-progress-color, var(--_accent));
  }
  .progress-bar::-moz-progress-bar {
    border-radius: 999px;
    background: var(--mentorship-progress-color, var(--_accent));
  }

  /* Collapsed sections (completed mentorships, settings) */
  .disclosure > summary {
    flex-wrap: wrap;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .disclosure[open] > summary {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .disclosure > .stack,
  .disclosure > .list {
    padding-inline: 0;
  }

  /* Detail view: the way back, then the workspace. */
  .detail {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .detail-bar {
    display: flex;
    align-items: center;
  }
  .back-button {
    min-height: 2.5rem;
    font-weight: 600;
    text-decoration: none;
  }
  .back-button:hover {
    text-decoration: underline;
  }
`;
