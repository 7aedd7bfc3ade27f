import { HANDOVER_LADDER, LADDER_LABELS, type HandoverStatus } from '@handover/shared';
import { quotedList } from './format';

/**
 * The API's messages in the words people use. The server writes for developers ("ISO 8601",
 * "externalId", "dependency(ies)"); each rule below rewrites one kind of message it is known to
 * send, and anything else passes through unchanged.
 */
const RULES: [RegExp, (...groups: string[]) => string][] = [
  [
    /must be an ISO 8601 date-time with seconds and an offset(?:, e\.g\. \S+)?/,
    () => 'must be a date and time with seconds and a time zone, like 2026-03-02T10:00:00Z (UTC) or 2026-03-02T11:00:00+01:00',
  ],
  [/must be an ISO 8601 date-time/, () => 'must be a date and time'],
  [/^must be an integer$/, () => 'must be a whole number'],
  [/must be a date YYYY-MM-DD/, () => 'must be a date, like 2026-03-02'],
  [/^Cannot be done while \d+ dependency\(ies\) are not done: (.*)\.$/, (names = '') => doneWaitsFor(names.split(', '))],
  [
    /^(\d+) other milestone\(s\) depend on this one; remove those dependencies first\.$/,
    (n = '') => (n === '1' ? 'Another milestone depends on this one; remove that dependency first.' : `${n} other milestones depend on this one; remove those dependencies first.`),
  ],
  [/^A post with externalId "(.*)" on channel "(.*)" is already recorded\.$/, (id = '', channel = '') => `A post with the external id “${id}” on ${channel} is already recorded.`],
  [/^1 row\(s\) are invalid/, () => '1 row is invalid'],
  [/^expected (\d+) fields, found (\d+)$/, (want = '', got = '') => `has ${got} fields; every line needs ${want}: channel, published_at, source, external_id, author`],
];

/** “Done” is refused while these dependencies are open: the sentence shown beside the status. */
export const doneWaitsFor = (titles: readonly string[]): string =>
  `Cannot be done until ${quotedList(titles)} ${titles.length > 1 ? 'are' : 'is'} done.`;

/** `4 week(s)` → `4 weeks`, `1 row(s)` → `1 row`, `2 dependency(ies)` → `2 dependencies`. */
const plurals = (text: string): string =>
  text.replace(/\b(\d+) ((?:[a-z-]+ ){0,2})([a-z-]+?)(y?)\((s|es|ies)\)/gi, (_all, n: string, between: string, word: string, y: string, suffix: string) =>
    n === '1' ? `${n} ${between}${word}${y}` : `${n} ${between}${word}${suffix === 'ies' ? 'ies' : `${y}${suffix}`}`,
  );

/** Quoted ladder steps (`"reverse_shadowing"`) in the names every page uses (“Reverse shadowing”). */
const steps = (text: string): string =>
  text.replace(new RegExp(`"(${HANDOVER_LADDER.join('|')})"`, 'g'), (_all, step: string) => `“${LADDER_LABELS[step as HandoverStatus]}”`);

/** A message from the API (a detail, a field's or a line's message) in plain words. */
export function plainMessage(message: string): string {
  for (const [pattern, rewrite] of RULES) {
    const m = pattern.exec(message);
    if (m) return plurals(steps(message.replace(pattern, rewrite(...m.slice(1)))));
  }
  return plurals(steps(message));
}

/** The words for the request fields a refusal may name (`externalId` → `External id`). */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  phase: 'Phase',
  owner: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
  weight: 'Weight',
  dependsOn: 'Depends on',
  channel: 'Channel',
  publishedAt: 'Published at',
  source: 'Made by',
  externalId: 'External id',
  author: 'Author',
  name: 'Name',
  brand: 'Brand',
  agencyName: 'Agency',
  startDate: 'Start date',
  targetExitDate: 'Target exit date',
  contractEndDate: 'Contract end',
  'targets.inHouseShare': 'Target in-house share',
  'targets.sustainWeeks': 'Weeks to sustain it',
  'targets.internalAdoption': 'Target internal adoption',
  leads: 'Leads',
  role: 'Role',
  email: 'Email',
  password: 'Password',
  weekStart: 'Week starting',
  activeUsers: 'Active staff',
  totalStaff: 'All staff',
  requiredLevel: 'Level required',
  requiredPeople: 'People needed',
  note: 'Note',
};

/** `dependsOn.2` → `Depends on`, `targets.inHouseShare` → `Target in-house share`; unknown paths as they are. */
export function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const label = FIELD_LABELS[parts.slice(0, n).join('.')];
    if (label) return label;
  }
  return path;
}
