import { MentorshipWorkspace } from '../components/mentorship-workspace/mentorship-workspace.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';
// The workspace loads <message-thread> for its Messages tab after its first content (controllers/element-loader.controller.ts).

export { MentorshipWorkspace };

defineElement('mentorship-workspace', MentorshipWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'mentorship-workspace': MentorshipWorkspace;
  }
}
