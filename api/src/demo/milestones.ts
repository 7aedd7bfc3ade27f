type Phase = 'internal_network' | 'outward_presence' | 'agency_exit';

/**
 * One milestone and what happened to it, in weeks from the plan's start (due on that week's
 * Thursday). Every milestone is created in week 0 as planned; the rest is told by its fields.
 */
export type DemoMilestone = {
  title: string;
  phase: Phase;
  /** The due week first set. */
  week: number;
  weight: number;
  owner?: string;
  after?: string[];
  /** Where it stands today. */
  status: 'planned' | 'in_progress' | 'blocked' | 'done';
  /** The week work started (default: three weeks before it is due). */
  started?: number;
  /** Done this many days after its (last) due date; negative: early. */
  late?: number;
  /** The due date moved later: [week of the edit, new due week]. */
  moved?: [number, number];
  /** Blocked from a week until a week (null: still blocked). */
  blocked?: [number, number | null];
};

/** ~30 milestones over the three phases; 17 done today, three overdue, one blocked. */
export const MILESTONES: DemoMilestone[] = [
  { title: 'Choose the internal chat platform', phase: 'internal_network', week: 1, weight: 2, status: 'done', late: 0, owner: 'Lena Lead' },
  { title: 'Pilot internal chat with the comms team', phase: 'internal_network', week: 3, weight: 2, status: 'done', late: 1, after: ['Choose the internal chat platform'] },
  { title: 'Roll out internal chat to all offices', phase: 'internal_network', week: 6, weight: 3, status: 'done', late: 5, after: ['Pilot internal chat with the comms team'] },
  { title: 'Set up topic channels per department', phase: 'internal_network', week: 7, weight: 1, status: 'done', late: -1 },
  { title: 'Train managers on real-time updates', phase: 'internal_network', week: 9, weight: 2, status: 'done', late: 11 },
  { title: 'Retire the weekly email bulletin', phase: 'internal_network', week: 11, weight: 1, status: 'done', late: 4, after: ['Roll out internal chat to all offices'] },
  { title: 'Internal champions in every team', phase: 'internal_network', week: 12, weight: 2, status: 'done', late: -2 },
  { title: 'Leadership posts weekly internally', phase: 'internal_network', week: 14, weight: 1, status: 'done', late: 0 },
  { title: 'Internal adoption above 50%', phase: 'internal_network', week: 18, weight: 3, status: 'done', late: 6 },
  { title: 'Publish the internal communication guide', phase: 'internal_network', week: 20, weight: 1, status: 'in_progress', started: 17 },
  { title: 'Write the brand voice guide', phase: 'outward_presence', week: 8, weight: 3, status: 'done', late: 4, owner: 'Lena Lead' },
  { title: 'Social media policy approved by legal', phase: 'outward_presence', week: 10, weight: 2, status: 'done', late: 4, moved: [8, 12] },
  { title: 'Hire a community manager', phase: 'outward_presence', week: 12, weight: 3, status: 'done', late: -1, moved: [10, 14] },
  { title: 'Staff ambassadors programme launched', phase: 'outward_presence', week: 15, weight: 2, status: 'done', late: 18, after: ['Social media policy approved by legal'] },
  { title: 'In-house team posts on LinkedIn', phase: 'outward_presence', week: 16, weight: 2, status: 'done', late: 12 },
  { title: 'Take over Instagram stories', phase: 'outward_presence', week: 19, weight: 2, status: 'done', late: 4 },
  // Nobody in-house could own crisis response until Maya qualified in week 24.
  { title: 'Crisis response playbook', phase: 'outward_presence', week: 21, weight: 3, status: 'in_progress', started: 16, moved: [18, 24], blocked: [18, 24], owner: 'Lena Lead' },
  { title: 'Analytics dashboard owned in-house', phase: 'outward_presence', week: 24, weight: 2, status: 'in_progress', moved: [21, 27] },
  { title: 'Customer service replies in-house', phase: 'outward_presence', week: 28, weight: 2, status: 'in_progress', started: 23 },
  { title: 'Video production training', phase: 'outward_presence', week: 25, weight: 1, status: 'planned' },
  { title: 'Paid social campaign run in-house', phase: 'outward_presence', week: 29, weight: 2, status: 'planned' },
  { title: 'Monthly content calendar owned in-house', phase: 'outward_presence', week: 25, weight: 1, status: 'done', late: -2 },
  { title: 'Agree the exit timeline with the agency', phase: 'agency_exit', week: 18, weight: 2, status: 'done', late: 1 },
  // The agency still holds the ad account: the one blocked milestone today.
  { title: 'Agency hands over account credentials', phase: 'agency_exit', week: 28, weight: 2, status: 'blocked', started: 22, blocked: [24, null] },
  { title: 'Agency shadows the in-house team for a month', phase: 'agency_exit', week: 30, weight: 2, status: 'planned' },
  { title: 'Reduce the agency retainer by half', phase: 'agency_exit', week: 31, weight: 1, status: 'planned', after: ['Agree the exit timeline with the agency'] },
  { title: 'Final knowledge transfer session', phase: 'agency_exit', week: 32, weight: 2, status: 'planned' },
  { title: 'Archive agency reports and assets', phase: 'agency_exit', week: 33, weight: 1, status: 'planned' },
  { title: 'End the agency contract', phase: 'agency_exit', week: 34, weight: 3, status: 'planned', after: ['Final knowledge transfer session', 'Agency hands over account credentials'] },
  { title: 'Post-exit review with the executive team', phase: 'agency_exit', week: 36, weight: 1, status: 'planned', after: ['End the agency contract'] },
];
