import { msg } from '@lit/localize';

export const adminTabs = ['applications', 'mentors', 'overview', 'programmes'] as const;
export type AdminTab = (typeof adminTabs)[number];

export const adminTabLabels: Record<AdminTab, string> = {
  get applications() { return msg('Applications'); },
  get mentors() { return msg('Mentors'); },
  get overview() { return msg('Overview'); },
  get programmes() { return msg('Programmes'); },
};

export const isAdminTab = (value: unknown): value is AdminTab => adminTabs.includes(value as AdminTab);

/**
 * The tab a key moves to in a horizontal tab list (WAI-ARIA APG tabs pattern): arrows step and
 * wrap around, Home and End jump to the ends. In right-to-left text the list runs the other
 * way, and so do the arrows. Undefined for keys the tab list does not handle, so they keep
 * their usual meaning (Tab leaves the list for the panel).
 */
export function tabForKey(key: string, current: AdminTab, direction: 'ltr' | 'rtl' = 'ltr'): AdminTab | undefined {
  const index = adminTabs.indexOf(current);
  const last = adminTabs.length - 1;
  const next = adminTabs[index === last ? 0 : index + 1];
  const previous = adminTabs[index === 0 ? last : index - 1];
  switch (key) {
    case 'ArrowRight':
      return direction === 'rtl' ? previous : next;
    case 'ArrowLeft':
      return direction === 'rtl' ? next : previous;
    case 'Home':
      return adminTabs[0];
    case 'End':
      return adminTabs[last];
    default:
      return undefined;
  }
}
