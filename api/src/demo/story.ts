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

/** The story covers weeks 0..WEEKS-1 from the plan's start; week WEEKS is the current week. */
export const WEEKS = 26;

/** The plan's dates relative to today: six months in, exit planned two months out. */
export function planDates(today: string) {
  const start = addDays(mondayOf(today), -7 * WEEKS);
  return { start, targetExit: addDays(mondayOf(today), 7 * 8), contractEnd: addDays(mondayOf(today), 7 * 12) };
}

/** The day `weekday` (0 = Monday) of week `week` from the plan's start. */
export const dayOf = (start: string, week: number, weekday = 0): string => addDays(start, 7 * week + weekday);

/** A moment of the story: that day at `hour`:`minute` UTC. */
export const momentOf = (day: string, hour: number, minute = 0): Date =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);

/** Saturdays and Sundays move to the Monday after: nobody in the story works weekends. */
export function weekdayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
}

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

/** [week, level] steps of one person in one skill. */
export type Steps = Array<[number, number]>;

export type DemoSkill = {
  name: string;
  category: string;
  requiredLevel: number;
  requiredPeople: number;
  critical: boolean;
  /** Today's level per person (index into PEOPLE); assessments climb to it over the months. */
  levels: number[];
  /** Steps told person by person instead of the usual climb. */
  steps?: Record<number, Steps>;
  /** The requirement raised mid-way: [week, requiredPeople]. */
  raised?: [number, number];
};

/**
 * Crisis response is the story's gap: one person was enough at first; after a rough weekend in week
 * 12 the lead asked for two, and the second (Maya) reached "independent" only in week 24.
 */
export const SKILLS: DemoSkill[] = [
  { name: 'Brand voice', category: 'Writing', requiredLevel: 3, requiredPeople: 3, critical: true, levels: [4, 4, 3, 2, 2, 1, 1, 3] },
  { name: 'Community management', category: 'Engagement', requiredLevel: 3, requiredPeople: 2, critical: true, levels: [4, 2, 3, 1, 3, 1, 0, 2] },
  {
    name: 'Crisis response',
    category: 'Engagement',
    requiredLevel: 3,
    requiredPeople: 1,
    critical: true,
    levels: [3, 1, 3, 0, 2, 0, 1, 1],
    steps: { 0: [[2, 1], [6, 2], [9, 3]], 2: [[2, 1], [14, 2], [24, 3]], 4: [[2, 0], [11, 1], [19, 2]] },
    raised: [12, 2],
  },
  { name: 'Copywriting', category: 'Writing', requiredLevel: 3, requiredPeople: 3, critical: false, levels: [3, 4, 3, 1, 2, 1, 2, 3] },
  { name: 'Analytics and reporting', category: 'Data', requiredLevel: 2, requiredPeople: 2, critical: false, levels: [2, 1, 1, 0, 1, 4, 0, 2] },
  { name: 'Video editing', category: 'Production', requiredLevel: 2, requiredPeople: 2, critical: false, levels: [1, 2, 0, 3, 0, 0, 0, 1] },
  { name: 'Paid social', category: 'Data', requiredLevel: 3, requiredPeople: 1, critical: false, levels: [1, 1, 0, 0, 0, 2, 0, 2] },
  { name: 'Scheduling tools', category: 'Production', requiredLevel: 2, requiredPeople: 3, critical: false, levels: [3, 3, 2, 2, 2, 1, 1, 2] },
];

/**
 * The usual climb: a skills audit in week 2 two levels below today's, then one step at a time up to
 * today's level, reached between weeks 14 and 23 (spread by person and skill).
 */
export function stepsOf(skill: DemoSkill, skillIndex: number, person: number): Steps {
  const told = skill.steps?.[person];
  if (told) return told;
  const final = skill.levels[person] ?? 0;
  const first = Math.max(0, final - 2);
  const reached = 14 + ((person * 7 + skillIndex * 3) % 10);
  const steps: Steps = [[2, first]];
  for (let level = first + 1; level <= final; level++) {
    steps.push([2 + Math.round(((level - first) / (final - first)) * (reached - 2)), level]);
  }
  return steps;
}

export type DemoHandover = {
  title: string;
  channel: string | null;
  /** The week agency staff logged it. */
  logged: number;
  /** The week it is meant to be accepted (its target date is that week's Friday). */
  target: number;
  /** The week of each move up the ladder: agency staff move it up to in-house, the lead accepts. */
  moves: number[];
  /** The target moved later: [week, new target week]. */
  retarget?: [number, number];
};

/** Ten responsibilities, logged over the first months, each somewhere on the ladder today. */
export const HANDOVERS: DemoHandover[] = [
  { title: 'Daily LinkedIn posts', channel: 'linkedin', logged: 1, target: 20, moves: [3, 7, 12, 19] },
  { title: 'Instagram stories', channel: 'instagram', logged: 1, target: 22, moves: [4, 9, 15, 23] },
  { title: 'Replying to comments', channel: 'instagram', logged: 2, target: 27, moves: [5, 12, 21] },
  { title: 'Community questions on X', channel: 'x', logged: 3, target: 28, moves: [6, 14, 25] },
  { title: 'Monthly content calendar', channel: null, logged: 4, target: 30, moves: [9, 20] },
  { title: 'Campaign reporting', channel: null, logged: 6, target: 31, moves: [11, 24] },
  { title: 'Crisis monitoring', channel: null, logged: 6, target: 24, moves: [22], retarget: [20, 33] },
  { title: 'Facebook page moderation', channel: 'facebook', logged: 8, target: 32, moves: [18] },
  { title: 'Paid social buying', channel: null, logged: 10, target: 35, moves: [] },
  { title: 'Influencer relations', channel: null, logged: 12, target: 36, moves: [] },
];

export const CHANNELS = ['linkedin', 'instagram', 'x', 'facebook'] as const;
