import { MentorshipWorkspace } from '../components/mentorship-workspace/mentorship-workspace.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';
// The workspace hosts the message thread.
import './message-thread.js';

export { MentorshipWorkspace };

defineElement('mentorship-workspace', MentorshipWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'mentorship-workspace': MentorshipWorkspace;
  }
}
