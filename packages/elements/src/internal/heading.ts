import { html, nothing, type TemplateResult } from 'lit';

/** A heading level from a host's `heading-level` plus a depth below it, kept within 1–6. */
export function clampHeadingLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 2)));
}

export interface HeadingAttributes {
  id?: string;
  class?: string;
  part?: string;
  tabindex?: string;
}

/**
 * `<hN>` at a level the host chose: an element's title sits where the page's outline needs it
 * (`heading-level="3"` under the page's h2), and its sections follow one level below. One plain
 * template per level (not lit's static-html): the bundle's HTML minifier parses each of them.
 */
export function heading(level: number, content: unknown, attrs: HeadingAttributes = {}): TemplateResult {
  const id = attrs.id ?? nothing;
  const cls = attrs.class ?? nothing;
  const part = attrs.part ?? nothing;
  const tabindex = attrs.tabindex ?? nothing;
  switch (clampHeadingLevel(level)) {
    case 1:
      return html`<h1 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h6>`;
  }
}
