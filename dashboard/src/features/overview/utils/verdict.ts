import type { GateKey, Plan, Summary } from '@handover/shared';
import { formatDate } from '../../../lib/format';
import { orderedGates } from './series';

/** What holds the exit back, as a noun for "limited by …". */
export const GATE_NOUNS: Record<GateKey, string> = {
  internal_network: 'internal adoption',
  skills_covered: 'critical skills',
  posts_share: 'the in-house share',
  handovers_accepted: 'handovers',
  milestones_done: 'milestones',
  exit_items_verified: 'the exit checklist',
};

export type VerdictTone = 'met' | 'on-track' | 'behind';
/** The overview's answer: `answer` starts `text` and `exit` (the exit date as written) is in it, so both can be set in bold. */
export type Verdict = { answer: 'Yes' | 'Not yet' | 'Done'; text: string; tone: VerdictTone; exit?: string };

type Facts = Pick<Summary, 'gates' | 'exitForecast' | 'handovers' | 'milestones' | 'adoption'> & Partial<Pick<Summary, 'exitItems' | 'asOf'>>;

/** `a`, `a and b`, `a, b and c`. */
const sentenceList = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Why a gate has no date, in a few words, from what the summary knows. */
function undatedReason(key: GateKey, s: Facts): string {
  switch (key) {
    case 'internal_network':
      return s.adoption.latestShare === null ? 'no weeks recorded' : 'adoption is not rising';
    case 'skills_covered':
      return 'short of qualified people';
    case 'posts_share':
      return 'the share is not rising';
    case 'handovers_accepted':
      return s.handovers.total === 0 ? 'none logged yet' : 'one has no target date';
    case 'milestones_done':
      return s.milestones.total === 0 ? 'none planned yet' : 'overdue, with no recent progress';
    case 'exit_items_verified':
      // A snapshot taken before the checklist has no count: say what is true either way.
      return s.exitItems?.total === 0 ? 'nothing listed yet' : 'an item has no due date';
  }
}

/** Where the exit falls against the target exit and the contract end. */
function againstPlan(exit: string, onTrack: boolean, plan: Pick<Plan, 'targetExitDate' | 'contractEndDate'>): string {
  const target = `${onTrack ? 'on track for' : 'after'} the target exit, ${formatDate(plan.targetExitDate)}`;
  const end = plan.contractEndDate;
  if (!end) return target;
  if (exit > end) return `${target}, ${onTrack ? 'but' : 'and'} after the contract ends, ${formatDate(end)}`;
  return onTrack ? target : `${target}, but before the contract ends, ${formatDate(end)}`;
}

/**
 * "Can the agency go, and when?" in one line, the answer first: which gates are not met, and the
 * earliest exit over every gate (docs/domain.md#exit-forecast) against the target and contract end,
 * or why no date can be given.
 */
export function exitVerdict(
  summary: Facts,
  plan: Pick<Plan, 'targetExitDate' | 'contractEndDate'> & Partial<Pick<Plan, 'exitedAt' | 'exitOverrideReason'>>,
): Verdict {
  const gates = orderedGates(summary.gates);
  const open = gates.filter((g) => !g.met);
  // Once the exit is made the question is answered (docs/domain.md#ending-the-agency); a day before it still reads as it stood.
  const exitDay = plan.exitedAt?.slice(0, 10);
  if (exitDay && (summary.asOf ?? exitDay) >= exitDay) {
    const exit = formatDate(exitDay);
    const still = open.length ? `, with ${open.length} of ${gates.length} gates still open${plan.exitOverrideReason ? ` (the lead's reason: ${plan.exitOverrideReason})` : ''}` : ', every gate met';
    return { answer: 'Done', text: `Done: the agency exit was made on ${exit}${still}.`, tone: 'met', exit };
  }
  if (open.length === 0) return { answer: 'Yes', text: 'Yes: every gate is met; the agency can go.', tone: 'met' };

  // With every gate open, naming them all says nothing the count does not.
  const which = open.length === gates.length ? `none of the ${gates.length} gates is met` : `${open.length} of ${gates.length} gates not met — ${sentenceList(open.map((g) => lowerFirst(g.label)))}`;
  const head = `Not yet: ${which}`;
  const f = summary.exitForecast;
  // The latest date among the gates that have one: the exit cannot come before it.
  const latest = gates.reduce<{ key: GateKey; date: string } | null>((max, g) => {
    const date = g.met ? null : (f.components[g.key] ?? null);
    return date !== null && (max === null || date > max.date) ? { key: g.key, date } : max;
  }, null);
  const undated = gates.filter((g) => f.undatedGates.includes(g.key));
  if (undated.length > 0) {
    const reasons = undated.map((g) => `${GATE_NOUNS[g.key]} (${undatedReason(g.key, summary)})`);
    const floor = latest ? `, and not before ${formatDate(latest.date)} (${GATE_NOUNS[latest.key]})` : '';
    return { answer: 'Not yet', text: `${head}; no exit date can be given: no date for ${reasons.join(' or for ')}${floor}.`, tone: 'behind' };
  }
  if (f.projectedExitDate === null) {
    // Every open gate has a date, but the latest is more than 104 weeks ahead: say which, and when.
    const beyond = latest ? `, limited by ${GATE_NOUNS[latest.key]} (${formatDate(latest.date)})` : '';
    return { answer: 'Not yet', text: `${head}; the earliest exit is more than two years away${beyond}.`, tone: 'behind' };
  }
  const onTrack = f.onTrack ?? f.projectedExitDate <= plan.targetExitDate;
  const limit = f.limitedBy ? `, limited by ${GATE_NOUNS[f.limitedBy]}` : '';
  const exit = formatDate(f.projectedExitDate);
  return {
    answer: 'Not yet',
    text: `${head}; earliest exit ${exit}${limit} (${againstPlan(f.projectedExitDate, onTrack, plan)}).`,
    tone: onTrack ? 'on-track' : 'behind',
    exit,
  };
}
