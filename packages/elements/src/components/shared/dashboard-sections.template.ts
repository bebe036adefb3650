import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/**
 * The dashboards' settings that are not part of the daily work (calendar subscription, email
 * notifications), collapsed at the end so the list view stays short.
 */
export function settingsDisclosure(content: TemplateResult): TemplateResult {
  return html`<section part="section" class="section" aria-label=${msg('Settings')}>
    <details part="more-settings" class="disclosure more-settings">
      <summary>${msg('Settings: calendar and email')}</summary>
      <div class="stack">${content}</div>
    </details>
  </section>`;
}

/** A stat card's jump: the section's heading scrolls into view and takes focus. */
export function scrollToHeading(root: HTMLElement | DocumentFragment, headingId: string): void {
  const target = root.querySelector<HTMLElement>(`#${CSS.escape(headingId)}`);
  if (!target) return;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
  target.focus({ preventScroll: true });
}
