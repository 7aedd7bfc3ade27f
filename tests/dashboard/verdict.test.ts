import { GateKeySchema, type GateKey, type Summary } from '@handover/shared';
import { exitVerdict } from '../../dashboard/src/features/overview/utils/verdict';
import { aSummary } from './support/fixtures';

const KEYS: GateKey[] = [...GateKeySchema.options];
const ASOF = '2026-11-29';

/** A summary whose `open` gates are not met and every other gate is (dated asOf), with the exit forecast given. */
function facts(
  open: GateKey[],
  exit: Partial<Summary['exitForecast']> = {},
  over: { handovers?: number; milestones?: number; adoption?: number | null; exitItems?: number } = {},
): Summary {
  const base = aSummary();
  return aSummary({
    gates: KEYS.map((key) => ({ key, met: !open.includes(key), detail: '' })),
    exitForecast: {
      projectedExitDate: null,
      onTrack: null,
      limitedBy: null,
      components: Object.fromEntries(KEYS.map((k) => [k, open.includes(k) ? null : ASOF])),
      undatedGates: [],
      ...exit,
    },
    handovers: { ...base.handovers, total: over.handovers ?? 10 },
    milestones: { ...base.milestones, total: over.milestones ?? 30 },
    exitItems: { ...base.exitItems, total: over.exitItems ?? 6 },
    adoption: over.adoption === null ? { latestShare: null, latestWeekStart: null } : base.adoption,
  });
}

const plan = { targetExitDate: '2027-01-18', contractEndDate: '2027-02-15' };

describe('exitVerdict', () => {
  it('When every gate is met, then the answer is yes', () => {
    expect(exitVerdict(facts([], { projectedExitDate: ASOF, onTrack: true }), plan)).toEqual({
      answer: 'Yes',
      text: 'Yes: every gate is met; the agency can go.',
      tone: 'met',
    });
  });

  it('When the exit is dated after the target and the contract end, then it names the open gates, the date, the gate that limits it and both dates it misses', () => {
    const open: GateKey[] = ['posts_share', 'handovers_accepted', 'milestones_done'];
    const v = exitVerdict(
      facts(open, {
        projectedExitDate: '2027-03-15',
        onTrack: false,
        limitedBy: 'milestones_done',
        components: { internal_network: ASOF, skills_covered: ASOF, posts_share: '2027-01-04', handovers_accepted: '2027-02-05', milestones_done: '2027-03-15' },
      }),
      plan,
    );
    expect(v.text).toBe(
      'Not yet: 3 of 6 gates not met — in-house share sustained, every handover accepted and every milestone done; ' +
        'earliest exit 15 Mar 2027, limited by milestones (after the target exit, 18 Jan 2027, and after the contract ends, 15 Feb 2027).',
    );
    expect(v).toMatchObject({ answer: 'Not yet', tone: 'behind', exit: '15 Mar 2027' });
  });

  it('When the exit is dated after the target but before the contract end, then it says both', () => {
    const v = exitVerdict(facts(['handovers_accepted'], { projectedExitDate: '2027-02-05', onTrack: false, limitedBy: 'handovers_accepted' }), plan);
    expect(v.text).toBe(
      'Not yet: 1 of 6 gates not met — every handover accepted; earliest exit 5 Feb 2027, limited by handovers (after the target exit, 18 Jan 2027, but before the contract ends, 15 Feb 2027).',
    );
  });

  it('When the exit is dated on or before the target, then it is on track, and a plan without a contract end says nothing of one', () => {
    const v = exitVerdict(
      facts(['posts_share', 'milestones_done'], { projectedExitDate: '2027-01-18', onTrack: true, limitedBy: 'posts_share' }),
      { targetExitDate: '2027-01-18', contractEndDate: null },
    );
    expect(v).toEqual({
      answer: 'Not yet',
      text: 'Not yet: 2 of 6 gates not met — in-house share sustained and every milestone done; earliest exit 18 Jan 2027, limited by the in-house share (on track for the target exit, 18 Jan 2027).',
      tone: 'on-track',
      exit: '18 Jan 2027',
    });
  });

  it('When open gates have no date, then no exit date is given and each undated gate says why', () => {
    const v = exitVerdict(
      facts(['skills_covered', 'posts_share', 'handovers_accepted', 'milestones_done'], { undatedGates: ['skills_covered', 'handovers_accepted'] }),
      plan,
    );
    expect(v.text).toBe(
      'Not yet: 4 of 6 gates not met — critical skills covered, in-house share sustained, every handover accepted and every milestone done; ' +
        'no exit date can be given: no date for critical skills (short of qualified people) or for handovers (one has no target date).',
    );
    expect(v.tone).toBe('behind');
  });

  it('When every gate is open and one has no date, then the count stands for the list, and the dated gates still say how soon the exit cannot be', () => {
    const v = exitVerdict(
      facts(KEYS, {
        components: { internal_network: '2026-10-26', skills_covered: null, posts_share: '2027-01-11', handovers_accepted: '2027-02-05', milestones_done: '2027-03-01' },
        undatedGates: ['skills_covered'],
      }),
      plan,
    );
    expect(v.text).toBe(
      'Not yet: none of the 6 gates is met; no exit date can be given: no date for critical skills (short of qualified people), and not before 1 Mar 2027 (milestones).',
    );
  });

  it('When a plan is empty, then the undated gates say what is missing rather than what is late', () => {
    const v = exitVerdict(
      facts(['internal_network', 'handovers_accepted', 'milestones_done'], { undatedGates: ['internal_network', 'handovers_accepted', 'milestones_done'] }, { handovers: 0, milestones: 0, adoption: null }),
      plan,
    );
    expect(v.text).toContain('no date for internal adoption (no weeks recorded) or for handovers (none logged yet) or for milestones (none planned yet).');
  });

  it('When the exit checklist has no date, then the verdict says whether nothing is listed or an item is undated', () => {
    const empty = exitVerdict(facts(['exit_items_verified'], { undatedGates: ['exit_items_verified'] }, { exitItems: 0 }), plan);
    expect(empty.text).toBe(
      'Not yet: 1 of 6 gates not met — every exit item verified; no exit date can be given: no date for the exit checklist (nothing listed yet).',
    );
    const undated = exitVerdict(facts(['exit_items_verified', 'milestones_done'], { undatedGates: ['exit_items_verified'], components: { milestones_done: '2027-03-01' } }), plan);
    expect(undated.text).toContain('no date for the exit checklist (an item has no due date), and not before 1 Mar 2027 (milestones).');
  });

  it('When the exit checklist sets the latest date, then it limits the exit', () => {
    const v = exitVerdict(facts(['exit_items_verified'], { projectedExitDate: '2027-02-12', onTrack: false, limitedBy: 'exit_items_verified' }), plan);
    expect(v.text).toBe(
      'Not yet: 1 of 6 gates not met — every exit item verified; earliest exit 12 Feb 2027, limited by the exit checklist (after the target exit, 18 Jan 2027, but before the contract ends, 15 Feb 2027).',
    );
  });

  it('When every open gate is dated but the latest is more than 104 weeks ahead, then there is no projection and the verdict says which gate is that far', () => {
    const v = exitVerdict(
      facts(['milestones_done'], { components: { internal_network: ASOF, skills_covered: ASOF, posts_share: ASOF, handovers_accepted: ASOF, milestones_done: '2029-03-05' } }),
      plan,
    );
    expect(v.text).toBe('Not yet: 1 of 6 gates not met — every milestone done; the earliest exit is more than two years away, limited by milestones (5 Mar 2029).');
    expect(v.tone).toBe('behind');
  });

  it('When the server lists the gates in another order, then they are named in the order of the journey', () => {
    const f = facts(['milestones_done', 'internal_network'], { projectedExitDate: '2027-01-04', onTrack: true, limitedBy: 'internal_network' });
    const v = exitVerdict({ ...f, gates: [...f.gates].reverse() }, plan);
    expect(v.text).toMatch(/^Not yet: 2 of 6 gates not met — internally networked and every milestone done;/);
  });
});

describe('exitVerdict after the exit', () => {
  const exited = (exitedAt: string, exitOverrideReason: string | null) => ({ ...plan, exitedAt, exitOverrideReason });

  it('When the agency exit was made with gates open, then the answer is done, on that day, with the open gates and the reason', () => {
    const s = { ...facts(['skills_covered', 'exit_items_verified']), asOf: '2026-12-04' };
    expect(exitVerdict(s, exited('2026-12-02T10:00:00.000Z', 'Contract ends Friday'))).toEqual({
      answer: 'Done',
      text: "Done: the agency exit was made on 2 Dec 2026, with 2 of 6 gates still open (the lead's reason: Contract ends Friday).",
      tone: 'met',
      exit: '2 Dec 2026',
    });
  });

  it('When every gate was met, then it says so; read as of a day before the exit, the forecast answers as it did then', () => {
    expect(exitVerdict({ ...facts([]), asOf: '2026-12-02' }, exited('2026-12-02T10:00:00.000Z', null)).text).toBe(
      'Done: the agency exit was made on 2 Dec 2026, every gate met.',
    );
    expect(exitVerdict({ ...facts(['skills_covered']), asOf: '2026-12-01' }, exited('2026-12-02T10:00:00.000Z', null)).answer).toBe('Not yet');
  });
});
