import { css } from 'lit';

/**
 * What every Mentorkit element (all but the provider) draws the same way: buttons, chips, badges,
 * fields, cards, notices, dialogs, skeletons. Component styles come after it and override a
 * value where an element differs (e.g. the dashboards' tighter cards).
 */
export const sharedStyles = css`
  :host {
    display: block;
    line-height: 1.5;
  }
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
    /* WCAG 2.4.11: a control scrolled into view by Tab keeps clear of sticky bars and edges. */
    scroll-margin-block: calc(var(--_space) * 6);
  }
  /* WCAG 2.3.3 / reduced motion: whatever a component animates, nothing moves for those who asked. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
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
    border: 1px solid var(--mentorship-button-border-color, var(--_border));
    border-radius: var(--mentorship-button-radius, var(--_radius));
    background: var(--mentorship-button-background, var(--_surface));
    color: var(--mentorship-button-color, var(--_text));
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
    border: 1px solid var(--mentorship-chip-border-color, var(--_border));
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
    border: 1px solid var(--mentorship-field-border-color, var(--_border));
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
  .line--short {
    width: 45%;
  }
  .line--medium {
    width: 60%;
  }
  .line--long {
    width: 85%;
  }
  .pill {
    width: 6rem;
    height: 1.75rem;
    border-radius: 999px;
  }

  p {
    margin: 0;
  }
  .muted,
  .meta,
  .hint {
    color: var(--_muted);
  }
  .meta,
  .hint {
    font-size: 0.9375em;
  }
  .prose {
    white-space: pre-line;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .links {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .links a {
    display: inline-block;
    min-height: 1.5rem;
    color: var(--_accent);
  }
  .more {
    display: flex;
    justify-content: center;
  }

  .card {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
    padding: var(--mentorship-card-padding, calc(var(--_space) * 2.5));
    border: 1px solid var(--mentorship-card-border-color, var(--_border));
    border-radius: var(--mentorship-card-radius, var(--_radius));
    background: var(--mentorship-card-background, var(--_surface));
    overflow-wrap: anywhere;
  }

  /* Empty states and errors with their retry button. */
  .notice {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 3);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .notice--error {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
  }

  .button--danger {
    border-color: var(--mentorship-button-danger-background, var(--_danger));
    background: var(--mentorship-button-danger-background, var(--_danger));
    color: var(--mentorship-button-danger-color, var(--_on-accent));
  }
  .button--danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--mentorship-button-danger-background, var(--_danger)) 88%, var(--_text));
  }
  textarea {
    width: 100%;
    min-width: 0;
    min-height: 6rem;
    padding: var(--_space);
    border: 1px solid var(--mentorship-field-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    resize: vertical;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }

  /* Modal dialogs (<dialog> with showModal): they sit in the top layer, sized by the viewport. */
  .dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .dialog::backdrop {
    background: rgb(15 20 30 / 0.55);
  }
  .dialog-panel {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 3);
  }
  .dialog-foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
  @media (prefers-reduced-motion: no-preference) {
    .dialog[open] {
      animation: mentorship-dialog-in 160ms ease-out;
    }
    @keyframes mentorship-dialog-in {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
  }
`;
