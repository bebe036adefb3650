/**
 * The admin's Programmes tab: its controller, views and styles. Most admin visits never open it,
 * so `<mentorship-admin>` imports this module the first time the tab is shown: in the browser
 * bundle it is a chunk of its own.
 */
import { supportsAdoptingStyleSheets } from 'lit';
import { programmesStyles } from './programmes.styles.js';

export { ProgrammesPanel, type ProgrammesPanelOptions } from './programmes.controller.js';
export { programmeDialogView, programmesPanelView } from './programmes.view.js';

/** Adds the tab's styles to the element's shadow root, after the element's own (once). */
export function adoptProgrammesStyles(root: ShadowRoot): void {
  const sheet = programmesStyles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  if (root.querySelector('style[data-programmes]')) return;
  const style = document.createElement('style');
  style.dataset['programmes'] = '';
  style.textContent = programmesStyles.cssText;
  root.appendChild(style);
}
