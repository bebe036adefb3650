import { css } from 'lit';

/** Controls every Mentorkit element draws the same way: buttons, chips, badges, fields, skeletons. */
export const sharedStyles = css`
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--mentorship-button-radius, var(--_radius));
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_subtle);
  }
  .button--primary {
    border-color: var(--mentorship-button-primary-background, var(--_accent));
    background: var(--mentorship-button-primary-background, var(--_accent));
    color: var(--mentorship-button-primary-color, var(--_on-accent));
  }
  .button--primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--mentorship-button-primary-background, var(--_accent)) 88%, var(--_text));
  }
  .button--link {
    min-height: 1.5rem;
    min-width: 1.5rem;
    padding: 0 2px;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .button--link:hover:not(:disabled) {
    background: none;
    text-decoration-thickness: 2px;
  }
  .button:disabled {
    border-color: var(--_border);
    background: var(--_placeholder);
    color: var(--_muted);
    cursor: not-allowed;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: 1.75rem;
    padding: 2px calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--mentorship-chip-background, var(--_subtle));
    color: var(--_text);
    font: inherit;
    font-size: 0.875em;
    line-height: 1.2;
    overflow-wrap: anywhere;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-height: 1.75rem;
    padding: 2px calc(var(--_space) * 1.25);
    border: 1px solid var(--_badge-color);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_badge-color) 10%, var(--_surface));
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 600;
    line-height: 1.2;
  }
  .badge::before {
    content: '';
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--_badge-color);
  }
  .badge--available {
    --_badge-color: var(--mentorship-badge-available-color, var(--_success));
  }
  .badge--limited {
    --_badge-color: var(--mentorship-badge-limited-color, var(--_warning));
  }
  .badge--unavailable {
    --_badge-color: var(--mentorship-badge-unavailable-color, var(--_muted));
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }
  .field > label,
  .field-label {
    font-size: 0.875em;
    font-weight: 600;
  }
  input,
  select {
    width: 100%;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: var(--_placeholder);
    animation: mentorship-pulse 1.4s ease-in-out infinite;
  }
  @keyframes mentorship-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
