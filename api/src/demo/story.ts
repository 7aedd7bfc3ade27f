import { addDays, mondayOf } from '@handover/shared';

/** A small deterministic PRNG (mulberry32), so every demo run tells the same story. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_USERS = [
  { role: 'admin', email: 'admin@demo.local', name: 'Ada Admin', password: 'handover-admin' },
  { role: 'lead', email: 'lead@demo.local', name: 'Lena Lead', password: 'handover-lead' },
  { role: 'executive', email: 'exec@demo.local', name: 'Eric Executive', password: 'handover-exec' },
  { role: 'agency', email: 'agency@demo.local', name: 'Aggie Agency', password: 'handover-agency' },
] as const;

export const WEEKS = 26;

/** The plan's dates relative to today: six months in, exit planned two months out. */
export function planDates(today: string) {
  const start = addDays(mondayOf(today), -7 * WEEKS);
  return { start, targetExit: addDays(mondayOf(today), 7 * 8), contractEnd: addDays(mondayOf(today), 7 * 12) };
}

type M = { title: string; phase: 'internal_network' | 'outward_presence' | 'agency_exit'; week: number; weight: number; status: 'planned' | 'in_progress' | 'blocked' | 'done'; after?: string[]; owner?: string };

/** ~30 milestones over the three phases; `week` is the due week from the start (26 = this week). */
export const MILESTONES: M[] = [
  { title: 'Choose the internal chat platform', phase: 'internal_network', week: 1, weight: 2, status: 'done', owner: 'Lena Lead' },
  { title: 'Pilot internal chat with the comms team', phase: 'internal_network', week: 3, weight: 2, status: 'done', after: ['Choose the internal chat platform'] },
  { title: 'Roll out internal chat to all offices', phase: 'internal_network', week: 6, weight: 3, status: 'done', after: ['Pilot internal chat with the comms team'] },
  { title: 'Set up topic channels per department', phase: 'internal_network', week: 7, weight: 1, status: 'done' },
  { title: 'Train managers on real-time updates', phase: 'internal_network', week: 9, weight: 2, status: 'done' },
  { title: 'Retire the weekly email bulletin', phase: 'internal_network', week: 11, weight: 1, status: 'done', after: ['Roll out internal chat to all offices'] },
  { title: 'Internal champions in every team', phase: 'internal_network', week: 12, weight: 2, status: 'done' },
  { title: 'Leadership posts weekly internally', phase: 'internal_network', week: 14, weight: 1, status: 'done' },
  { title: 'Internal adoption above 50%', phase: 'internal_network', week: 18, weight: 3, status: 'done' },
  { title: 'Publish the internal communication guide', phase: 'internal_network', week: 20, weight: 1, status: 'in_progress' },
  { title: 'Write the brand voice guide', phase: 'outward_presence', week: 8, weight: 3, status: 'done', owner: 'Lena Lead' },
  { title: 'Social media policy approved by legal', phase: 'outward_presence', week: 10, weight: 2, status: 'done' },
  { title: 'Hire a community manager', phase: 'outward_presence', week: 12, weight: 3, status: 'done' },
  { title: 'Staff ambassadors programme launched', phase: 'outward_presence', week: 15, weight: 2, status: 'done', after: ['Social media policy approved by legal'] },
  { title: 'In-house team posts on LinkedIn', phase: 'outward_presence', week: 16, weight: 2, status: 'done' },
  { title: 'Take over Instagram stories', phase: 'outward_presence', week: 19, weight: 2, status: 'done' },
  { title: 'Crisis response playbook', phase: 'outward_presence', week: 21, weight: 3, status: 'blocked', owner: 'Lena Lead' },
  { title: 'Analytics dashboard owned in-house', phase: 'outward_presence', week: 27, weight: 2, status: 'in_progress' },
  { title: 'Customer service replies in-house', phase: 'outward_presence', week: 28, weight: 2, status: 'in_progress' },
  { title: 'Video production training', phase: 'outward_presence', week: 27, weight: 1, status: 'planned' },
  { title: 'Paid social campaign run in-house', phase: 'outward_presence', week: 29, weight: 2, status: 'planned' },
  { title: 'Monthly content calendar owned in-house', phase: 'outward_presence', week: 25, weight: 1, status: 'done' },
  { title: 'Agree the exit timeline with the agency', phase: 'agency_exit', week: 18, weight: 2, status: 'done' },
  { title: 'Agency hands over account credentials', phase: 'agency_exit', week: 28, weight: 2, status: 'planned' },
  { title: 'Agency shadows the in-house team for a month', phase: 'agency_exit', week: 30, weight: 2, status: 'planned' },
  { title: 'Reduce the agency retainer by half', phase: 'agency_exit', week: 31, weight: 1, status: 'planned', after: ['Agree the exit timeline with the agency'] },
  { title: 'Final knowledge transfer session', phase: 'agency_exit', week: 32, weight: 2, status: 'planned' },
  { title: 'Archive agency reports and assets', phase: 'agency_exit', week: 33, weight: 1, status: 'planned' },
  { title: 'End the agency contract', phase: 'agency_exit', week: 34, weight: 3, status: 'planned', after: ['Final knowledge transfer session', 'Agency hands over account credentials'] },
  { title: 'Post-exit review with the executive team', phase: 'agency_exit', week: 36, weight: 1, status: 'planned', after: ['End the agency contract'] },
];

export const PEOPLE = [
  { name: 'Priya Shah', title: 'Community manager' },
  { name: 'Tom Becker', title: 'Content lead' },
  { name: 'Maya Okafor', title: 'Communications officer' },
  { name: 'Jonas Lind', title: 'Designer' },
  { name: 'Sara Novak', title: 'Customer service lead' },
  { name: 'Leo Martins', title: 'Marketing analyst' },
  { name: 'Hana Sato', title: 'HR partner' },
  { name: 'Omar Haddad', title: 'Product marketer' },
];

/** Each skill and the final level per person (index into PEOPLE); levels climb to it over the months. */
export const SKILLS = [
  { name: 'Brand voice', category: 'Writing', requiredLevel: 3, requiredPeople: 3, critical: true, levels: [4, 4, 3, 2, 2, 1, 1, 3] },
  { name: 'Community management', category: 'Engagement', requiredLevel: 3, requiredPeople: 2, critical: true, levels: [4, 2, 3, 1, 3, 1, 0, 2] },
  { name: 'Crisis response', category: 'Engagement', requiredLevel: 3, requiredPeople: 2, critical: true, levels: [3, 1, 2, 0, 2, 0, 1, 1] },
  { name: 'Copywriting', category: 'Writing', requiredLevel: 3, requiredPeople: 3, critical: false, levels: [3, 4, 3, 1, 2, 1, 2, 3] },
  { name: 'Analytics and reporting', category: 'Data', requiredLevel: 2, requiredPeople: 2, critical: false, levels: [2, 1, 1, 0, 1, 4, 0, 2] },
  { name: 'Video editing', category: 'Production', requiredLevel: 2, requiredPeople: 2, critical: false, levels: [1, 2, 0, 3, 0, 0, 0, 1] },
  { name: 'Paid social', category: 'Data', requiredLevel: 3, requiredPeople: 1, critical: false, levels: [1, 1, 0, 0, 0, 2, 0, 2] },
  { name: 'Scheduling tools', category: 'Production', requiredLevel: 2, requiredPeople: 3, critical: false, levels: [3, 3, 2, 2, 2, 1, 1, 2] },
];

/** Handovers and how far up the ladder each has come. */
export const HANDOVERS = [
  { title: 'Daily LinkedIn posts', channel: 'linkedin', steps: 4 },
  { title: 'Instagram stories', channel: 'instagram', steps: 4 },
  { title: 'Replying to comments', channel: 'instagram', steps: 3 },
  { title: 'Community questions on X', channel: 'x', steps: 3 },
  { title: 'Monthly content calendar', channel: null, steps: 2 },
  { title: 'Campaign reporting', channel: null, steps: 2 },
  { title: 'Crisis monitoring', channel: null, steps: 1 },
  { title: 'Facebook page moderation', channel: 'facebook', steps: 1 },
  { title: 'Paid social buying', channel: null, steps: 0 },
  { title: 'Influencer relations', channel: null, steps: 0 },
] as const;

export const CHANNELS = ['linkedin', 'instagram', 'x', 'facebook'] as const;
