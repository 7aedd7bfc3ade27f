import { EXIT_ITEM_STATUS_LABELS, GATE_LABELS, LADDER_LABELS, type GateKey, type Snapshot } from '@handover/shared';
import { compareSnapshots } from '../snapshots/compare';
import { type Block, type EmailDocument, type Line, renderHtml, renderText } from './email-document';
import { dashboardLink } from './links';

export type DigestInput = {
  planId: string;
  planName: string;
  snapshot: Snapshot;
  /** The snapshot before it, for "what changed"; null for a plan's first. */
  previous: Snapshot | null;
  publicUrl: string;
  /** The lead's status and note go to the organisation's people, never to agency members. */
  includeNote: boolean;
};

export type DigestEmail = { subject: string; text: string; html: string };

const percent = (share: number) => `${Math.round(share * 100)}%`;
const gateLabel = (key: GateKey) => GATE_LABELS[key] ?? key;
/** A header must stay one line whatever the plan is called. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();
const period = (s: Snapshot) => (s.weekStart ? `the week of ${s.weekStart}` : s.summary.asOf);

function readinessBlock(snapshot: Snapshot, previous: Snapshot | null): Block {
  const { score, components } = snapshot.summary.readiness;
  let change = '';
  if (previous) {
    const points = Math.round(score * 100) - Math.round(previous.summary.readiness.score * 100);
    const was = percent(previous.summary.readiness.score);
    change = points === 0 ? ` (unchanged from ${period(previous)})` : ` (${points > 0 ? 'up' : 'down'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'} from ${was})`;
  }
  return {
    heading: 'Readiness',
    lines: [
      [`${percent(score)}${change}`],
      [`Milestones ${percent(components.milestones)}, skills ${percent(components.skills)}, posts ${percent(components.posts)}, handovers ${percent(components.handovers)}`],
    ],
  };
}

function gatesBlock(snapshot: Snapshot): Block {
  const order = Object.keys(GATE_LABELS);
  const gates = [...snapshot.summary.gates].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return {
    heading: `Exit gates: ${gates.filter((g) => g.met).length} of ${gates.length} met`,
    list: true,
    lines: gates.map((g) => [`${gateLabel(g.key)}: ${g.met ? 'met' : 'open'}`]),
  };
}

function exitBlock(snapshot: Snapshot, previous: Snapshot | null): Block {
  const forecast = snapshot.summary.exitForecast;
  if (!forecast) {
    // Snapshots taken before the summary judged every gate: only the share trend is known, and it is labelled as such.
    const date = snapshot.summary.forecast.projectedExitDate;
    return { heading: 'Projected exit', lines: [[`In-house share reaches target: ${date ?? 'not projected yet'}`]] };
  }
  const lines: Line[] = [];
  if (forecast.projectedExitDate) {
    const before = previous?.summary.exitForecast?.projectedExitDate;
    const moved = before && before !== forecast.projectedExitDate ? ` (was ${before})` : '';
    const track = forecast.onTrack === null ? '' : forecast.onTrack ? ', on track for the target date' : ', later than the target date';
    lines.push([`${forecast.projectedExitDate}${moved}${track}`]);
    if (forecast.limitedBy) lines.push([`Limited by: ${gateLabel(forecast.limitedBy)}`]);
  } else {
    lines.push(['No projected date yet']);
    if (forecast.undatedGates.length) lines.push([`No date can be given for: ${forecast.undatedGates.map(gateLabel).join(', ')}`]);
  }
  return { heading: 'Projected exit', lines };
}

function changesBlock(snapshot: Snapshot, previous: Snapshot | null): Block {
  if (!previous) return { heading: 'What changed', lines: [['This is the first snapshot; changes show from the next one.']] };
  const diff = compareSnapshots(previous, snapshot);
  const lines: Line[] = [
    ...diff.gatesChanged.map((g) => [`${gateLabel(g.key)}: ${g.to ? 'now met' : g.from ? 'open again' : 'open'}`]),
    ...diff.milestonesCompleted.map((m) => [`Completed: ${m.title}`]),
    ...diff.milestonesSlipped.map((m) => [`Moved later: ${m.title}, due ${m.dueFrom} → ${m.dueTo}`]),
    ...diff.handoversMoved.map((h) => [`${h.title}: ${LADDER_LABELS[h.from]} → ${LADDER_LABELS[h.to]}`]),
    ...diff.exitItemsMoved.map((x) => [`Exit item ${x.name}: ${EXIT_ITEM_STATUS_LABELS[x.from]} → ${EXIT_ITEM_STATUS_LABELS[x.to]}`]),
  ];
  if (Math.round(diff.share.from * 100) !== Math.round(diff.share.to * 100)) {
    lines.push([`In-house share of posts: ${percent(diff.share.from)} → ${percent(diff.share.to)}`]);
  }
  return { heading: `What changed since ${period(previous)}`, list: lines.length > 0, lines: lines.length ? lines : [['Nothing changed.']] };
}

/** The weekly digest: readiness and its change, gates, projected exit, what changed, a link back. */
export function buildDigestEmail(input: DigestInput): DigestEmail {
  const { snapshot, previous } = input;
  const planName = oneLine(input.planName);
  const blocks: Block[] = [
    {
      lines: [[snapshot.weekStart ? `Week of ${snapshot.weekStart} to ${snapshot.summary.asOf}.` : `Status as of ${snapshot.summary.asOf}.`]],
    },
  ];
  if (input.includeNote && (snapshot.rag || snapshot.note)) {
    const lines: Line[] = [];
    if (snapshot.rag) lines.push([`Status: ${snapshot.rag[0]!.toUpperCase()}${snapshot.rag.slice(1)}`]);
    if (snapshot.note) lines.push([snapshot.note]);
    blocks.push({ heading: 'From the lead', lines });
  }
  blocks.push(readinessBlock(snapshot, previous), gatesBlock(snapshot), exitBlock(snapshot, previous), changesBlock(snapshot, previous));
  const link = dashboardLink(input.publicUrl, input.planId);
  if (link) blocks.push({ lines: [[{ href: link, label: 'Open the dashboard' }]] });

  const doc: EmailDocument = {
    title: `${planName}: weekly status`,
    blocks,
    footer: [['You get this email because you turned on the weekly digest in Handover; you can turn it off in your preferences.']],
  };
  return {
    subject: `${planName}: weekly status for ${period(snapshot)}`,
    text: renderText(doc),
    html: renderHtml(doc),
  };
}
