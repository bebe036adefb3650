/** Element classes, controllers and helpers without registering any tag (no side effects). */
export { MentorSearch } from './components/mentor-search/mentor-search.component.js';
export { MentorshipProvider } from './components/mentorship-provider/mentorship-provider.component.js';
export { MentorkitElement } from './internal/mentorkit-element.js';
export { ClientController, type ClientHost } from './controllers/client.controller.js';
export { ResourceController, type ResourceOptions, type ResourceStatus } from './controllers/resource.controller.js';
export { debounce, type Debounced } from './controllers/debounce.js';
export {
  MentorSearchController,
  defaultFilters,
  QUERY_DEBOUNCE_MS,
  type MentorSearchFilters,
  type SearchStatus,
} from './controllers/mentor-search.controller.js';
export { clientContext } from './internal/client-context.js';
export { defineElement } from './internal/define-element.js';
export { emit, type MentorkitEventDetails, type MentorSelectEvent, type MentorshipRequestIntentEvent } from './events.js';
