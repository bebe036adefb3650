import { createContext } from '@lit/context';

export type Theme = 'light' | 'dark';

/**
 * The colour scheme `<mentorship-provider theme=…>` hands to the elements inside it (an
 * element's own `theme` wins). A global symbol, like the client's, so a provider from one copy
 * of the bundle serves elements from another.
 */
export const themeContext = createContext<Theme | undefined>(Symbol.for('mentorkit.theme'));
