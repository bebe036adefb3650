/** Element classes, controllers and helpers without registering any tag (no side effects). */
export { MentorSearch } from './components/mentor-search/mentor-search.component.js';
export { MenteeDashboard } from './components/mentee-dashboard/mentee-dashboard.component.js';
export { MenteeDashboardController, type MenteeDashboardStatus } from './components/mentee-dashboard/mentee-dashboard.controller.js';
export { MentorDashboard } from './components/mentor-dashboard/mentor-dashboard.component.js';
export { MentorDashboardController, type MentorDashboardMode } from './components/mentor-dashboard/mentor-dashboard.controller.js';
export { MentorshipAdmin } from './components/mentorship-admin/mentorship-admin.component.js';
export { ApplicationsController, canDecide, notesRequired, type ApplicationDecision } from './components/mentorship-admin/applications.controller.js';
export { MentorsController, NAME_SEARCH_DEBOUNCE_MS, type MentorAction, type MentorFilters } from './components/mentorship-admin/mentors.controller.js';
export { PagedListController, type ListStatus, type PagedListOptions } from './controllers/paged-list.controller.js';
export { MentorshipWorkspace, type WorkspaceSection } from './components/mentorship-workspace/mentorship-workspace.component.js';
export { WorkspaceController, type WorkspaceStatus, type SectionStatus } from './components/mentorship-workspace/workspace.controller.js';
export { MessageThread } from './components/message-thread/message-thread.component.js';
export { MessageThreadController } from './components/message-thread/message-thread.controller.js';
export { linkify } from './components/message-thread/message-format.js';
export { NotificationList } from './components/notification-list/notification-list.component.js';
export { NotificationListController } from './components/notification-list/notification-list.controller.js';
export { notificationText } from './components/notification-list/notification-text.js';
export { RealtimeController, type RealtimeSource } from './controllers/realtime.controller.js';
export { RealtimeHub, shareRealtime, type RealtimeHubOptions } from './controllers/realtime-hub.js';
export { LiveRefreshController, keepFocusInList, type LiveRefreshOptions } from './controllers/live-refresh.controller.js';
export { UnreadCountsController } from './controllers/unread-counts.controller.js';
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
export { themeContext, type Theme } from './internal/theme-context.js';
export { defineElement } from './internal/define-element.js';
export {
  emit,
  type MentorkitEventDetails,
  type RequestAnswer,
  type MentorApplicationDecidedDetail,
  type MentorSuspendedDetail,
  type MentorSelectEvent,
  type MentorshipRequestIntentEvent,
  type MentorshipRequestSentEvent,
  type MentorshipFindMentorEvent,
  type MentorshipRequestWithdrawnEvent,
  type MentorshipRequestAnsweredEvent,
  type MentorApplicationSubmittedEvent,
  type MentorSettingsChangedEvent,
  type MentorApplicationDecidedEvent,
  type MentorSuspendedEvent,
  type MentorReactivatedEvent,
  type MentorshipAction,
  type MentorshipUpdatedDetail,
  type MentorshipUpdatedEvent,
  type MeetingScheduledDetail,
  type MeetingScheduledEvent,
  type MilestoneChange,
  type MilestoneChangedDetail,
  type MilestoneChangedEvent,
  type ProgrammeEnrolledEvent,
  type ProgrammeLeftEvent,
} from './events.js';
