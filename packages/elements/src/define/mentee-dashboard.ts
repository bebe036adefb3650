import { MenteeDashboard } from '../components/mentee-dashboard/mentee-dashboard.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';

export { MenteeDashboard };

defineElement('mentee-dashboard', MenteeDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'mentee-dashboard': MenteeDashboard;
  }
}
