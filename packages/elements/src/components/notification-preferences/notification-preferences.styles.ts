import { css } from 'lit';

/** The email notifications panel, on top of `dashboardStyles`. */
export const notificationPreferencesStyles = css`
  .notification-preferences-card {
    gap: calc(var(--_space) * 1.5);
  }
  .notification-preferences-kinds {
    gap: calc(var(--_space) * 1.25);
  }
  .switch-row {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: calc(var(--_space) * 1.5);
    row-gap: calc(var(--_space) / 4);
    align-items: center;
  }
  .switch-row > label {
    font-weight: 600;
    cursor: pointer;
  }
  .switch-row > .hint {
    grid-column: 2;
  }
  /* A checkbox drawn as a switch: 44 × 24 px, the knob moves, colour and position both say "on". */
  .switch {
    appearance: none;
    position: relative;
    flex: none;
    width: 2.75rem;
    min-width: 2.75rem;
    height: 1.5rem;
    min-height: 1.5rem;
    margin: 0;
    padding: 0;
    border: 2px solid var(--_muted);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
    transition: background-color 120ms;
  }
  .switch::before {
    content: '';
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 120ms;
  }
  .switch:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  .switch:checked::before {
    background: var(--_on-accent);
    transform: translateX(1.25rem);
  }
  .switch:dir(rtl):checked::before {
    transform: translateX(-1.25rem);
  }
  .switch:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    .switch,
    .switch::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .switch:checked::before {
      background: CanvasText;
    }
  }
  .notification-preferences-language {
    max-width: 16rem;
  }
  .notification-preferences-saved {
    min-height: 1.5em;
  }
`;
