import { MentorshipAdmin } from '../components/mentorship-admin/mentorship-admin.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';

export { MentorshipAdmin };

defineElement('mentorship-admin', MentorshipAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'mentorship-admin': MentorshipAdmin;
  }
}
