import { css } from 'lit';

/*
 * Two tiers of tokens (documented in THEMING.md). The system tier is public:
 * `--mentorship-color-*`, `--mentorship-radius`, `--mentorship-space`, `--mentorship-font`, set
 * anywhere on the page (custom properties inherit into shadow roots). It is never declared here,
 * only read with a default, because a declaration on :host would override the page's value. The
 * private `--_*` tier resolves those once per element and switches the defaults for dark mode;
 * component tokens (`--mentorship-card-*`, …) fall back to it.
 *
 * `data-mentorship-theme` on the host is the scheme in force: the element's `theme`, else its
 * provider's (MentorkitElement sets it). The dark palette is written out twice (forced dark, or
 * asked for by the OS unless forced light): every template here is a whole stylesheet, so the
 * bundle's CSS minifier can parse it, and gzip folds the repetition away.
 */
export const tokenStyles = css`
  :host {
    --_background: var(--mentorship-color-background, transparent);
    --_frame-padding: 0;
    --_accent: var(--mentorship-color-accent, #1f5fae);
    --_on-accent: var(--mentorship-color-on-accent, #ffffff);
    --_surface: var(--mentorship-color-surface, #ffffff);
    --_text: var(--mentorship-color-text, #1d232b);
    --_muted: var(--mentorship-color-muted, #55606d);
    --_border: var(--mentorship-color-border, #c9d0d9);
    --_danger: var(--mentorship-color-danger, #b42318);
    --_success: var(--mentorship-color-success, #1a7f37);
    --_warning: var(--mentorship-color-warning, #b25e00);
    color-scheme: light;
    --_radius: var(--mentorship-radius, 8px);
    --_space: var(--mentorship-space, 8px);
    --_focus: var(--mentorship-color-focus, var(--_accent));
    /* Tints derived from the palette, so a portal that sets one accent gets matching fills. */
    --_subtle: color-mix(in srgb, var(--_accent) 9%, var(--_surface));
    --_placeholder: color-mix(in srgb, var(--_text) 11%, var(--_surface));
    font-family: var(--mentorship-font, inherit);
    color: var(--_text);
    background: var(--_background);
    padding: var(--_frame-padding);
    border-radius: var(--_radius);
  }
  /* A dark element may sit on a light page (the OS asks for dark): it paints its own backdrop. */
  :host([data-mentorship-theme='dark']) {
    --_background: var(--mentorship-color-background, #121418);
    --_frame-padding: calc(var(--_space) * 2);
    --_accent: var(--mentorship-color-accent, #8cb4ff);
    --_on-accent: var(--mentorship-color-on-accent, #0b1a30);
    --_surface: var(--mentorship-color-surface, #1c1f24);
    --_text: var(--mentorship-color-text, #e6e9ee);
    --_muted: var(--mentorship-color-muted, #a7b0bc);
    --_border: var(--mentorship-color-border, #3d4550);
    --_danger: var(--mentorship-color-danger, #ff8f85);
    --_success: var(--mentorship-color-success, #62d286);
    --_warning: var(--mentorship-color-warning, #e7b750);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([data-mentorship-theme='light'])) {
      --_background: var(--mentorship-color-background, #121418);
      --_frame-padding: calc(var(--_space) * 2);
      --_accent: var(--mentorship-color-accent, #8cb4ff);
      --_on-accent: var(--mentorship-color-on-accent, #0b1a30);
      --_surface: var(--mentorship-color-surface, #1c1f24);
      --_text: var(--mentorship-color-text, #e6e9ee);
      --_muted: var(--mentorship-color-muted, #a7b0bc);
      --_border: var(--mentorship-color-border, #3d4550);
      --_danger: var(--mentorship-color-danger, #ff8f85);
      --_success: var(--mentorship-color-success, #62d286);
      --_warning: var(--mentorship-color-warning, #e7b750);
      color-scheme: dark;
    }
  }
`;
