import { MentorDashboard } from '../components/mentor-dashboard/mentor-dashboard.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';

export { MentorDashboard };

defineElement('mentor-dashboard', MentorDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'mentor-dashboard': MentorDashboard;
  }
}
