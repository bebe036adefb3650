import { MentorshipProvider } from '../components/mentorship-provider/mentorship-provider.component.js';
import { defineElement } from '../internal/define-element.js';

export { MentorshipProvider };

defineElement('mentorship-provider', MentorshipProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mentorship-provider': MentorshipProvider;
  }
}
