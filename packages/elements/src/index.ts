/**
 * The self-registering entry (the bundle's): defines every Mentorkit element, provider first so
 * elements upgrading after it find their client, and exports the classes.
 */
import './define/mentorship-provider.js';
import './define/mentor-search.js';
import './define/mentee-dashboard.js';
import './define/mentor-dashboard.js';
import './define/mentorship-workspace.js';
import './define/message-thread.js';
import './define/notification-list.js';
import './define/mentorship-admin.js';

export * from './classes.js';
