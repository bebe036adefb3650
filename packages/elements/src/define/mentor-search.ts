import { MentorSearch } from '../components/mentor-search/mentor-search.component.js';
import { defineElement } from '../internal/define-element.js';
// The provider must be defined before its consumers upgrade, or their context request finds no one.
import './mentorship-provider.js';

export { MentorSearch };

defineElement('mentor-search', MentorSearch);

declare global {
  interface HTMLElementTagNameMap {
    'mentor-search': MentorSearch;
  }
}
