import { can, type EffectiveRole, type PlanPermission } from '@handover/shared';

export type NavItem = { to: string; label: string; end?: boolean };

/**
 * The plan's pages and who sees each in the navigation: every page a role may read is listed
 * (docs/domain.md#who-may-do-what), so nothing a role can open by its address is missing from the
 * menu. Each page then offers only the controls the role may use: executives read the posts,
 * agency staff read milestones and skill coverage, without edit controls.
 */
const PAGES: { path: string; label: string; shownTo: PlanPermission }[] = [
  { path: '', label: 'Overview', shownTo: 'read' },
  { path: '/status', label: 'Status', shownTo: 'read' },
  { path: '/milestones', label: 'Milestones', shownTo: 'read' },
  { path: '/skills', label: 'Skills & people', shownTo: 'read' },
  { path: '/handovers', label: 'Handovers', shownTo: 'read' },
  { path: '/exit', label: 'Exit', shownTo: 'read' },
  { path: '/posts', label: 'Posts', shownTo: 'read' },
  { path: '/import', label: 'Import posts', shownTo: 'recordPosts' },
  { path: '/roster', label: 'Roster', shownTo: 'read' },
  { path: '/activity', label: 'Activity', shownTo: 'readSensitive' },
  { path: '/members', label: 'Members', shownTo: 'read' },
  { path: '/settings/ingest', label: 'Receivers', shownTo: 'manageIntegrations' },
  { path: '/settings/webhooks', label: 'Webhooks', shownTo: 'manageIntegrations' },
];

/** The plan navigation for a role; a non-member (null) still sees the pages every member reads. */
export function planNav(planId: string, role: EffectiveRole | null): NavItem[] {
  return PAGES.filter((p) => p.shownTo === 'read' || can(role, p.shownTo)).map((p) => ({
    to: `/plans/${planId}${p.path}`,
    label: p.label,
    ...(p.path === '' ? { end: true } : {}),
  }));
}
