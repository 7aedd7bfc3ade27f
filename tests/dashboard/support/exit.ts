import type { ExitItem, ExitItemKind, ExitItemStatus, ExitResult, KtSession, Person } from '@handover/shared';
import { PLAN, aSummary, listOf } from './fixtures';
import type { Call, Reply } from './fetch';

const CREATED = '2026-01-01T00:00:00.000Z';
/** A uuid ending in `n` (1..999). */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const aPerson = (n: number, name: string): Person => ({ id: uuid(500 + n), planId: PLAN, name, title: null, createdAt: CREATED, updatedAt: CREATED });

/** An exit item as the API returns it; each test names only what it is about. */
export const anExitItem = (n: number, name: string, kind: ExitItemKind, status: ExitItemStatus, over: Partial<ExitItem> = {}): ExitItem => ({
  id: uuid(n),
  planId: PLAN,
  kind,
  name,
  channel: null,
  owner: null,
  dueDate: null,
  status,
  evidence: null,
  evidenceUrl: null,
  history: [],
  createdBy: null,
  version: 1,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
});

export const aKtSession = (n: number, over: Partial<KtSession> = {}): KtSession => ({
  id: uuid(300 + n),
  planId: PLAN,
  date: '2026-11-10',
  topic: 'Community replies',
  method: 'workshop',
  givenBy: 'Ana (Brightside)',
  attendees: [],
  handoverIds: [],
  skillIds: [],
  materialsUrl: null,
  notes: null,
  createdBy: null,
  version: 1,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
});

export const anExitResult = (over: Partial<ExitResult> = {}): ExitResult => ({
  planId: PLAN,
  exitedAt: '2026-11-30T10:00:00.000Z',
  unmetGates: [],
  overrideReason: null,
  agencyMembershipsEnded: 2,
  accessEndsOn: '2026-12-01',
  tokensRevoked: 3,
  snapshotId: uuid(900),
  ...over,
});

export const EXIT_ITEMS = `/plans/${PLAN}/exit-items`;
export const KT = `/plans/${PLAN}/kt-sessions`;
export const EXIT = `/plans/${PLAN}/exit`;

/** Everything the Exit page reads, with the given checklist, people and sessions; `extra` adds or replaces routes. */
export function exitPageRoutes({
  items = [],
  people = [],
  sessions = [],
  extra = {},
}: {
  items?: ExitItem[];
  people?: Person[];
  sessions?: KtSession[];
  extra?: Record<string, Reply | Reply[] | ((call: Call) => Reply)>;
}) {
  return {
    [`GET ${EXIT_ITEMS}`]: listOf(items),
    [`GET /plans/${PLAN}/people`]: listOf(people),
    [`GET ${KT}`]: listOf(sessions),
    [`GET /plans/${PLAN}/handovers`]: listOf([]),
    [`GET /plans/${PLAN}/skills/coverage`]: { status: 200, body: { items: [], totals: { required: 0, gap: 0, closedShare: 1 } } },
    [`GET /plans/${PLAN}/summary`]: { status: 200, body: aSummary() },
    [`GET /plans/${PLAN}/members`]: listOf([]),
    ...extra,
  };
}
