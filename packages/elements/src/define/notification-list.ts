import { NotificationList } from '../components/notification-list/notification-list.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';

export { NotificationList };

defineElement('notification-list', NotificationList);

declare global {
  interface HTMLElementTagNameMap {
    'notification-list': NotificationList;
  }
}
