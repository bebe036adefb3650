/**
 * The workspace's tabs, in order: the values of its `tab` attribute, of `tab=` in the URL hash and
 * of the `mentorship-tab-change` / `mentorship-view-change` events. A module of its own, so the
 * dashboards (which load the workspace's code only on first open) and the events name them
 * without importing the workspace.
 */
export const WORKSPACE_TABS = ['overview', 'meetings', 'plan', 'messages', 'notes'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export const isWorkspaceTab = (value: unknown): value is WorkspaceTab => (WORKSPACE_TABS as readonly unknown[]).includes(value);

/** A tab from the hash or an attribute; anything else is the Overview. */
export const asWorkspaceTab = (value: unknown): WorkspaceTab => (isWorkspaceTab(value) ? value : 'overview');
