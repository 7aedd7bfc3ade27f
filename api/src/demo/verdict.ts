import type { GateKey, Summary } from '@handover/shared';

/** What holds the exit back, in the words of the overview's one-line verdict. */
const LIMITS: Record<GateKey, string> = {
  internal_network: 'internal adoption',
  skills_covered: 'critical skills',
  posts_share: 'the in-house share',
  handovers_accepted: 'handovers',
  milestones_done: 'milestones',
  exit_items_verified: 'the exit checklist',
};

/** The summary's answer to "can the agency go, and when?" in one line (docs/domain.md#exit-forecast). */
export function verdictLine(summary: Summary): string {
  const open = summary.gates.filter((g) => !g.met).length;
  if (open === 0) return `As of ${summary.asOf}: yes, all ${summary.gates.length} gates are met.`;
  const f = summary.exitForecast;
  const head = `As of ${summary.asOf}: not yet, ${open} of ${summary.gates.length} gates open`;
  if (!f.projectedExitDate) {
    const why = f.undatedGates.length ? `no date can be given for ${f.undatedGates.map((k) => LIMITS[k]).join(', ')}` : 'no exit in sight';
    return `${head} — no projected exit: ${why}.`;
  }
  const limit = f.limitedBy ? `, limited by ${LIMITS[f.limitedBy]}` : '';
  return `${head} — earliest exit ${f.projectedExitDate}${limit} (${f.onTrack ? 'on track' : 'after the target exit'}).`;
}
