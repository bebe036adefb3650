/**
 * What the mentor dashboard needs for people who are not mentors yet: the application model and
 * its view. Mentors (most visits) never need them, so the dashboard imports this module only when
 * `/me` says the viewer is not a mentor: in the browser bundle it is a chunk of its own.
 */
export { MentorApplicationModel, myApplication } from './mentor-application.model.js';
export { applicationView } from './mentor-application.template.js';
