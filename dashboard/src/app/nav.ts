import type { Role } from '@handover/shared';

export type NavItem = { to: string; label: string; end?: boolean };

/** The plan navigation for a role: executives read, agency staff log handovers and posts, leads do all. */
export function planNav(planId: string, role: Role | null): NavItem[] {
  const base = `/plans/${planId}`;
  const items: NavItem[] = [{ to: base, label: 'Overview', end: true }];
  if (role === 'lead' || role === 'executive') items.push({ to: `${base}/milestones`, label: 'Milestones' }, { to: `${base}/skills`, label: 'Skills & people' });
  items.push({ to: `${base}/handovers`, label: 'Handovers' });
  if (role === 'lead' || role === 'agency') items.push({ to: `${base}/posts`, label: 'Posts' });
  if (role === 'lead' || role === 'executive') items.push({ to: `${base}/activity`, label: 'Activity' });
  if (role === 'lead') items.push({ to: `${base}/members`, label: 'Members' });
  return items;
}
