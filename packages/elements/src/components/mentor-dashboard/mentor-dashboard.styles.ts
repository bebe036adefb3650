import { css } from 'lit';

export const mentorDashboardStyles = css`
  :host {
    container-name: mentor-dashboard;
  }

  /* Top strip */
  .settings {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--mentorship-settings-background, var(--_surface));
  }
  .settings-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .settings-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: calc(var(--_space) * 2.5);
    align-items: start;
  }
  .setting {
    display: grid;
    gap: calc(var(--_space) / 2);
    align-content: start;
    min-width: 0;
  }
  .search-shows {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  /* The hint sits under the label, past the track, so the three never overlap. */
  .switch-hint {
    padding-inline-start: calc(2.75rem + var(--_space) * 1.25);
  }

  /*
   * The availability switch: a button with role=switch, its state in aria-checked. Its own class
   * name: the email settings' checkbox switches (in the same shadow root) are ".switch".
   */
  .availability-switch {
    display: inline-flex;
    justify-self: start;
    max-width: 100%;
    align-items: center;
    gap: calc(var(--_space) * 1.25);
    min-height: 2.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .switch-label {
    min-width: 0;
  }
  .switch-track {
    position: relative;
    flex: none;
    width: 2.75rem;
    height: 1.5rem;
    border: 2px solid var(--_muted);
    border-radius: 999px;
    background: var(--_surface);
    transition: background 120ms;
  }
  .switch-thumb {
    position: absolute;
    top: 2px;
    left: 2px;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 120ms;
  }
  .availability-switch[aria-checked='true'] .switch-track {
    border-color: var(--mentorship-switch-on-color, var(--_accent));
    background: var(--mentorship-switch-on-color, var(--_accent));
  }
  .availability-switch[aria-checked='true'] .switch-thumb {
    background: var(--_on-accent);
    transform: translateX(1.25rem);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch-track,
    .switch-thumb {
      transition: none;
    }
  }

  /* Capacity stepper */
  .stepper {
    display: flex;
    align-items: stretch;
    gap: calc(var(--_space) / 2);
  }
  .stepper input {
    width: 4.5rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
    -moz-appearance: textfield;
  }
  .stepper .button {
    padding: 0;
    font-size: 1.25em;
  }
  .button[aria-disabled='true'] {
    border-color: var(--_border);
    background: var(--_placeholder);
    color: var(--_muted);
    cursor: not-allowed;
  }
  .away-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .away-row input {
    flex: 1 1 10rem;
    width: auto;
  }

  /* Stat cards: the ones with a section are buttons that go there. */
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .stat {
    display: grid;
    border-radius: var(--_radius);
    background: var(--mentorship-stat-background, var(--_subtle));
  }
  .stat-link,
  .stat-body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) / 4);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 0;
    border-radius: inherit;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
  }
  .stat-link {
    cursor: pointer;
  }
  .stat-link:hover .stat-label {
    color: var(--_accent);
    text-decoration: underline;
  }
  .stat-link:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .stat-label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .stat-value {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }

  /* Request cards */
  .when {
    text-align: end;
  }

  /* Application form */
  .form {
    display: grid;
    gap: calc(var(--_space) * 2.5);
    max-width: 44rem;
  }
  .field--short input {
    max-width: 8rem;
  }
  .chip-entry {
    display: flex;
    gap: var(--_space);
  }
  .chip-remove {
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    margin-inline-end: calc(var(--_space) * -0.75);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .chip-remove:hover {
    background: var(--_placeholder);
  }

  @container mentor-dashboard (max-width: 30rem) {
    .when {
      text-align: start;
    }
    .stats {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .columns {
    display: grid;
    align-items: start;
    gap: calc(var(--_space) * 3);
  }
  /* Wide containers: waiting requests beside the mentees. */
  @container mentor-dashboard (min-width: 60rem) {
    .columns {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
`;
