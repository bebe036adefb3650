import { css } from 'lit';

/** The calendar subscription panel, on top of `dashboardStyles`. */
export const calendarFeedStyles = css`
  .calendar-feed-card {
    justify-items: start;
  }
  .calendar-feed-card > * {
    max-width: 100%;
  }
  .calendar-feed-card .field {
    width: 100%;
  }
  .calendar-feed-copy {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    min-width: 0;
  }
  .calendar-feed-copy input {
    flex: 1 1 16rem;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9375em;
  }
  .calendar-feed-copy .button {
    flex: none;
  }
  .calendar-feed-warning {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--mentorship-status-waiting-color, var(--_warning));
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }
  .calendar-feed-card [aria-disabled='true'] {
    cursor: progress;
  }
  @container (max-width: 30rem) {
    .calendar-feed-copy .button,
    .calendar-feed-card .actions > .button {
      flex: 1 1 100%;
    }
  }
`;
