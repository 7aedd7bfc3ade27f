import type { CreateMilestone, Milestone, MilestoneStatus, Phase, UpdateMilestone } from '@handover/shared';
import { blankToNull } from '../../../lib/form';

export type MilestoneFormValues = {
  title: string;
  description: string;
  phase: Phase;
  owner: string;
  dueDate: string;
  status: MilestoneStatus;
  weight: string;
  dependsOn: string[];
};

export const emptyMilestoneValues = (): MilestoneFormValues => ({
  title: '',
  description: '',
  phase: 'internal_network',
  owner: '',
  dueDate: '',
  status: 'planned',
  weight: '1',
  dependsOn: [],
});

export const milestoneToValues = (m: Milestone): MilestoneFormValues => ({
  title: m.title,
  description: m.description ?? '',
  phase: m.phase,
  owner: m.owner ?? '',
  dueDate: m.dueDate,
  status: m.status,
  weight: String(m.weight),
  dependsOn: [...m.dependsOn],
});

const toWeight = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** Form strings → the body the shared CreateMilestoneSchema validates (blank optional text → null). */
export function toCreateMilestone(v: MilestoneFormValues): CreateMilestone {
  return {
    title: v.title,
    description: blankToNull(v.description),
    phase: v.phase,
    owner: blankToNull(v.owner),
    dueDate: v.dueDate,
    status: v.status,
    weight: toWeight(v.weight),
    dependsOn: v.dependsOn ?? [],
  };
}

/** Only what changed, so a PATCH does not rewrite fields the user never touched. */
export function toUpdateMilestone(v: MilestoneFormValues, original: Milestone): UpdateMilestone {
  const next = toCreateMilestone(v);
  const patch: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const before: Record<string, unknown> = {
    title: original.title,
    description: original.description,
    phase: original.phase,
    owner: original.owner,
    dueDate: original.dueDate,
    status: original.status,
    weight: original.weight,
    dependsOn: original.dependsOn,
  };
  for (const [k, value] of Object.entries(next)) {
    const comparable = k === 'dependsOn' ? [...(value as string[])].sort() : value;
    const was = k === 'dependsOn' ? [...(before[k] as string[])].sort() : before[k];
    if (!same(comparable, was)) patch[k] = value;
  }
  return patch as UpdateMilestone;
}

export const isOverdue = (m: Pick<Milestone, 'dueDate' | 'status'>, today: string): boolean => m.status !== 'done' && m.dueDate < today;

/** By due date, then title: the order a lead works through them. */
export const sortMilestones = (items: Milestone[]): Milestone[] =>
  [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));

/** Dependencies not yet done: why `done` would be refused with 409. */
export function openDependencies(m: Pick<Milestone, 'dependsOn'>, all: Milestone[]): Milestone[] {
  const byId = new Map(all.map((x) => [x.id, x]));
  return m.dependsOn.map((id) => byId.get(id)).filter((x): x is Milestone => !!x && x.status !== 'done');
}

/** `depends on “A”`, `depends on “A”, “B” and 3 more`: the milestones named, not counted. */
export function dependsOnText(titles: string[], shown = 2): string {
  const named = titles.slice(0, shown).map((t) => `“${t}”`);
  const more = titles.length - named.length;
  if (more > 0) return `depends on ${named.join(', ')} and ${more} more`;
  return `depends on ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]}`;
}
