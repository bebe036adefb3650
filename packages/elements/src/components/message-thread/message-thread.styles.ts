import { css } from 'lit';

/** The thread lays itself out by its own width; bubbles never push the container wider. */
export const threadStyles = css`
  :host {
    container-name: message-thread;
  }
  .thread {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .thread-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .thread-title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 700;
    line-height: 1.3;
  }
  .history {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 1.5);
    max-height: var(--mentorship-thread-height, 28rem);
    min-height: 8rem;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--mentorship-thread-background, var(--_surface));
  }
  .history-start {
    justify-self: center;
    text-align: center;
  }
  .days,
  .messages {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .days {
    gap: calc(var(--_space) * 2);
  }
  .day {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .day::before,
  .day::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }
  .message {
    display: grid;
    gap: 2px;
    justify-items: start;
    max-width: min(85%, 40rem);
    min-width: 0;
  }
  .message.mine {
    justify-self: end;
    justify-items: end;
  }
  .bubble {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    border-end-start-radius: calc(var(--_radius) / 2);
    background: var(--mentorship-bubble-theirs-background, var(--_surface));
    color: var(--_text);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 100%;
  }
  .mine .bubble {
    border-color: color-mix(in srgb, var(--_accent) 35%, var(--_border));
    border-radius: calc(var(--_radius) * 1.5);
    border-end-end-radius: calc(var(--_radius) / 2);
    background: var(--mentorship-bubble-mine-background, var(--_subtle));
  }
  .pending .bubble {
    border-style: dashed;
  }
  .failed .bubble {
    border-color: var(--_danger);
  }
  .bubble a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .message-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .seen {
    font-weight: 600;
  }
  .send-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .composer {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .composer textarea {
    min-height: 4.5rem;
  }
  .composer-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .composer-foot .hint {
    flex: 1 1 12rem;
    font-size: 0.875em;
  }
  .counter--near {
    color: var(--_text);
    font-weight: 600;
  }
  .ended-note {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .bubble-skeleton {
    height: 2.5rem;
    width: 60%;
    border-radius: calc(var(--_radius) * 1.5);
  }
  .bubble-skeleton.mine {
    justify-self: end;
    width: 45%;
  }
  @container message-thread (max-width: 24rem) {
    .message {
      max-width: 95%;
    }
    .composer-foot .button {
      flex: 1 1 100%;
    }
  }
`;
