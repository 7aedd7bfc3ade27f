import { setupApp } from '../../support/app';
import { planWorld, type PlanWorld } from '../../support/fixtures';
import { rollupsVersusLedger } from '../../support/rollups';
import { NO_USER_ID } from '../../../api/src/modules/ingest/push';

// PushService.accept, the store that batches and receivers share (docs/domain.md#ingest).

const t = setupApp();
let w: PlanWorld;

beforeAll(async () => {
  w = await planWorld(t);
});

const ctx = () => ({ requestId: 'test', clientAddress: '127.0.0.1', user: null, credential: null, planId: w.planId });
const receiver = { userId: null, label: 'receiver:postiz' };

async function ledger() {
  const res = await t.as(w.admin.token).get(`/api/v1/plans/${w.planId}/posts?limit=200`);
  return res.body.items as Array<Record<string, unknown>>;
}
async function inbox() {
  const res = await t.as(w.admin.token).get(`/api/v1/plans/${w.planId}/ingest/inbox?limit=200`);
  return res.body.items as Array<Record<string, unknown>>;
}

describe('accepting pushed posts', () => {
  test('When posts with and without a side arrive, then sided ones enter the ledger, the others the inbox, and a replay changes nothing', async () => {
    const posts = [
      { channel: 'x', publishedAt: '2026-03-02T10:00:00.000Z', externalId: 'p-1', source: 'in_house' as const, account: '@brand' },
      { channel: 'x', publishedAt: '2026-03-02T11:00:00.000Z', externalId: 'p-2' },
      { channel: 'linkedin', publishedAt: '2026-03-03T11:00:00.000Z', permalink: 'https://linkedin.com/feed/update/1' },
      // Repeated within the push: by external id, and by permalink.
      { channel: 'x', publishedAt: '2026-03-02T10:00:00.000Z', externalId: 'p-1', source: 'agency' as const },
      { channel: 'linkedin', publishedAt: '2026-03-03T11:00:00.000Z', permalink: 'https://linkedin.com/feed/update/1' },
    ];
    expect(await t.services.push.accept(ctx(), posts, 'receiver:postiz', receiver)).toEqual({ inserted: 1, duplicates: 2, inbox: 2 });
    const stored = await ledger();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ externalId: 'p-1', source: 'in_house', classifiedBy: 'source', origin: 'receiver:postiz', account: '@brand' });
    expect((await inbox()).map((i) => i.externalId ?? i.permalink).sort()).toEqual(['https://linkedin.com/feed/update/1', 'p-2']);
    const { rollups, recount } = await rollupsVersusLedger(t.db, w.planId);
    expect(rollups).toEqual(recount);

    expect(await t.services.push.accept(ctx(), posts, 'receiver:postiz', receiver)).toEqual({ inserted: 0, duplicates: 5, inbox: 0 });
    expect(await ledger()).toHaveLength(1);
    expect(await inbox()).toHaveLength(2);

    const log = await t.as(w.admin.token).get(`/api/v1/plans/${w.planId}/activity?action=push`);
    expect(log.body.items[0]).toMatchObject({ actor: { id: NO_USER_ID, email: 'receiver:postiz' }, changes: { inserted: 0, duplicates: 5, inbox: 0 } });
  });

  test('When a receiver hands over raw values, then channels, instants and links are normalised; an unreadable date refuses the whole push', async () => {
    const raw = [
      { channel: 'LinkedIn-Page', publishedAt: '2026-04-01T01:30:00+02:00', externalId: ' r-1 ', permalink: 'https://www.linkedin.com/feed/update/7/?utm_source=x', source: 'agency' as const, account: 'A'.repeat(300) },
      { channel: 'x', publishedAt: '2026-04-01T10:00:00Z', externalId: 'r-2', permalink: 'javascript:alert(1)', source: 'agency' as const },
    ];
    expect(await t.services.push.accept(ctx(), raw, 'receiver:postiz', receiver)).toEqual({ inserted: 2, duplicates: 0, inbox: 0 });
    const stored = await ledger();
    expect(stored.find((p) => p.externalId === 'r-1')).toMatchObject({
      channel: 'linkedin',
      publishedAt: '2026-03-31T23:30:00.000Z',
      permalink: 'https://linkedin.com/feed/update/7',
      account: 'A'.repeat(200),
    });
    expect(stored.find((p) => p.externalId === 'r-2')).toMatchObject({ channel: 'x', permalink: null });
    const before = stored.length;
    await expect(
      t.services.push.accept(ctx(), [{ channel: 'x', publishedAt: '2026-04-01T10:00:00Z', externalId: 'r-3' }, { channel: ' ', publishedAt: 'yesterday', externalId: 'r-4' }], 'receiver:postiz', receiver),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: '1.channel' }, { path: '1.publishedAt' }] });
    expect(await ledger()).toHaveLength(before);
  });
});
