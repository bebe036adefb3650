import { createContext } from '@lit/context';
import type { MentorkitClient } from '@mentorkit/sdk';

/**
 * The SDK client handed down by `<mentorship-provider>`. The key is a global symbol so a
 * provider from one copy of the bundle serves elements from another copy.
 */
export const clientContext = createContext<MentorkitClient | undefined>(Symbol.for('mentorkit.client'));
