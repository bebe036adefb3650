import { css } from 'lit';

export const menteeDashboardStyles = css`
  :host {
    container-name: mentee-dashboard;
  }
  .next-step {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  a.button {
    text-decoration: none;
  }
  .history {
    min-width: 0;
  }
  .history .card {
    padding: calc(var(--_space) * 1.75);
  }
  .empty-title {
    font-size: 1.125em;
  }

  /* Next up: the next meeting and the next milestone, side by side when there is room. */
  .next-up-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: calc(var(--_space) * 1.5);
  }
  .next-card {
    align-content: start;
    gap: calc(var(--_space) / 2);
  }
  .next-when {
    font-size: 1.125em;
    font-weight: 600;
  }
  .next-milestone-title {
    font-weight: 600;
  }

  .columns {
    display: grid;
    align-items: start;
    gap: calc(var(--_space) * 3);
  }
  /* Wide containers: requests and mentors side by side. */
  @container mentee-dashboard (min-width: 56rem) {
    .columns {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
  @container mentee-dashboard (max-width: 30rem) {
    .next-step > .button {
      flex: 1 1 100%;
    }
  }
`;
