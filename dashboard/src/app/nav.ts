import { can, type EffectiveRole, type PlanPermission } from '@handover/shared';

export type NavItem = { to: string; label: string; end?: boolean };

/**
 * The plan's pages and who sees each in the navigation: executives read, agency staff log handovers
 * and posts, leads (and admins) see all. Milestones and skills are listed for leads and executives,
 * the same people who may read the sensitive parts.
 */
const PAGES: { path: string; label: string; shownTo: PlanPermission }[] = [
  { path: '', label: 'Overview', shownTo: 'read' },
  { path: '/milestones', label: 'Milestones', shownTo: 'readSensitive' },
  { path: '/skills', label: 'Skills & people', shownTo: 'readSensitive' },
  { path: '/handovers', label: 'Handovers', shownTo: 'read' },
  { path: '/posts', label: 'Posts', shownTo: 'recordPosts' },
  { path: '/activity', label: 'Activity', shownTo: 'readSensitive' },
  { path: '/members', label: 'Members', shownTo: 'edit' },
];

/** The plan navigation for a role; a non-member (null) still sees the overview and handovers links. */
export function planNav(planId: string, role: EffectiveRole | null): NavItem[] {
  return PAGES.filter((p) => p.shownTo === 'read' || can(role, p.shownTo)).map((p) => ({
    to: `/plans/${planId}${p.path}`,
    label: p.label,
    ...(p.path === '' ? { end: true } : {}),
  }));
}
