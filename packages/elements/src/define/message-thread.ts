import { MessageThread } from '../components/message-thread/message-thread.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';

export { MessageThread };

defineElement('message-thread', MessageThread);

declare global {
  interface HTMLElementTagNameMap {
    'message-thread': MessageThread;
  }
}
