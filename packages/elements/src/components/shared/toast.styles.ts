import { css } from 'lit';

/**
 * The toast stack: sticky at the bottom of the element while it is in view, so a confirmation is
 * seen wherever the person scrolled to, and never covering the page outside the element.
 */
export const toastStyles = css`
  .toasts {
    position: sticky;
    bottom: calc(var(--_space) * 2);
    z-index: 2;
    display: grid;
    justify-items: center;
    gap: var(--_space);
    pointer-events: none;
    margin-block-start: var(--_space);
  }
  .toast-region {
    display: grid;
    gap: var(--_space);
    justify-items: center;
    width: 100%;
  }
  .toast-region:empty {
    display: none;
  }
  .toast {
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: var(--_space);
    width: min(100%, 36rem);
    padding: var(--_space) var(--_space) var(--_space) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_success);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    animation: toast-in 160ms ease-out;
  }
  .toast--info {
    border-inline-start-color: var(--_accent);
  }
  .toast--error {
    border-inline-start-color: var(--_danger);
  }
  .toast-message {
    flex: 1;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .toast-dismiss {
    min-width: 2.5rem;
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  /* Movement only, no fade: the text keeps its full contrast from the first frame. */
  @keyframes toast-in {
    from {
      transform: translateY(8px);
    }
  }
`;
