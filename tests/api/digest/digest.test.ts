import { ROUTES, pathTo, type Page, type SnapshotListItem } from '@handover/shared';
import { listDigestEmails } from '../../../api/src/db/repositories/digest.repository';
import { setupApp } from '../../support/app';
import { createMilestone, createPlan, putMember, getBody } from '../../support/fixtures';
import type { TestUser } from '../../support/app';
import { SmtpReceiver } from './smtp-receiver';

// The weekly digest by email (docs/domain.md#email-digest): queued with the weekly snapshot, sent
// at DIGEST_AT to the members who opted in, judged again at send time, retried while SMTP is down.
const smtp = new SmtpReceiver();
const env: Record<string, string> = { PUBLIC_URL: 'https://handover.example.com', SMTP_FROM: 'Status <status@example.com>', WEBHOOK_RETRY_JITTER: 'off' };
beforeAll(async () => {
  await smtp.start();
  env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
});
afterAll(() => smtp.stop());
const t = setupApp({ env });

const PLAN_NAME = '<b>Acme</b> & "Co"';
let admin: TestUser;
let planId: string;
const who: Record<'lead' | 'executive' | 'agency' | 'quiet' | 'leaver' | 'removed' | 'ended', TestUser> = {} as never;

const optIn = async (u: TestUser, weeklyDigest: boolean) => {
  const res = await t.as(u.token).put(ROUTES.mePreferences.replace(/^/, '/api/v1')).send({ weeklyDigest });
  expect(res.status).toBe(200);
  return res.body as unknown;
};
const rows = () => t.db.read((m) => listDigestEmails(m, planId));
const stateOf = async (u: TestUser) => (await rows()).filter((r) => r.userId === u.id).map((r) => r.state);

beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
  planId = (await createPlan(t, admin.token, { name: PLAN_NAME, startDate: '2026-02-16' })).id;
  const roles = { lead: 'lead', executive: 'executive', agency: 'agency', quiet: 'executive', leaver: 'executive', removed: 'lead', ended: 'agency' } as const;
  for (const [key, role] of Object.entries(roles)) {
    const u = await t.user();
    await putMember(t, admin.token, planId, u.id, role);
    who[key as keyof typeof who] = u;
    await optIn(u, key !== 'quiet');
  }
  t.clock.set('2026-02-25T10:00:00Z');
  await createMilestone(t, admin.token, planId, { title: 'Move the newsletter', dueDate: '2026-03-20' });
});

describe('the weekly digest', () => {
  test('When a member opts in, then their preferences say so and that email is available', async () => {
    const got = await getBody(t, who.lead.token, `/api/v1${ROUTES.mePreferences}`);
    expect(got).toEqual({ weeklyDigest: true, digestAvailable: true, digestUnavailableReason: null });
    expect(await getBody(t, who.quiet.token, `/api/v1${ROUTES.mePreferences}`)).toMatchObject({ weeklyDigest: false });
  });

  test('When the weekly snapshot is taken, then one email per opted-in member is queued and none goes before DIGEST_AT', async () => {
    await t.runDueJobs(new Date('2026-03-02T06:00:00Z'));
    expect((await rows()).map((r) => r.state)).toEqual(Array(6).fill('pending'));
    expect(await stateOf(who.quiet)).toEqual([]);
    expect(await t.services.digestSender.sendDue(new Date('2026-03-02T08:59:00Z'))).toEqual({ attempted: 0, sent: 0, voided: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  test('When DIGEST_AT comes, then members get it with the lead note (not agency), escaped, linked; the deactivated and removed are voided', async () => {
    t.clock.set('2026-03-02T07:00:00Z');
    expect((await t.as(admin.token).post(`/api/v1/users/${who.leaver.id}/deactivate`)).status).toBe(200);
    expect((await t.as(admin.token).delete(`/api/v1/plans/${planId}/members/${who.removed.id}`)).status).toBe(204);
    const ended = await t.as(admin.token).put(`/api/v1/plans/${planId}/members/${who.ended.id}`).send({ role: 'agency', accessUntil: '2026-03-02' });
    expect(ended.status).toBe(200);
    const [weekly] = (await getBody<Page<SnapshotListItem>>(t, who.lead.token, pathTo(ROUTES.snapshots, { planId }, { kind: 'weekly' }))).items;
    const patched = await t.as(who.lead.token).patch(`/api/v1/plans/${planId}/snapshots/${weekly!.id}`).set('If-Match', '"1"').send({ rag: 'amber', note: 'Ship <it> & celebrate' });
    expect(patched.status).toBe(200);

    expect(await t.services.digestSender.sendDue(new Date('2026-03-02T09:00:00Z'))).toEqual({ attempted: 3, sent: 3, voided: 3 });
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([who.lead.email, who.executive.email, who.agency.email].sort());
    const [lead] = smtp.to(who.lead.email);
    expect(lead!.from).toBe('status@example.com');
    expect(lead!.subject).toBe(`${PLAN_NAME}: weekly status for the week of 2026-02-23`);
    expect(lead!.html).toContain('&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Co&quot;: weekly status');
    expect(lead!.html).not.toContain('<b>Acme');
    expect(lead!.html).toContain('Ship &lt;it&gt; &amp; celebrate');
    expect(lead!.text).toContain('Status: Amber');
    expect(lead!.text).toContain(`Open the dashboard: https://handover.example.com/plans/${planId}`);
    expect(lead!.html).toContain(`href="https://handover.example.com/plans/${planId}"`);
    expect(lead!.text).toContain('This is the first snapshot');
    const [agency] = smtp.to(who.agency.email);
    expect(agency!.subject).toBe(lead!.subject);
    expect(agency!.text).not.toContain('Ship');
    expect(agency!.text).not.toContain('From the lead');
    expect(agency!.text).toContain(`https://handover.example.com/plans/${planId}`);

    expect(await stateOf(who.lead)).toEqual(['sent']);
    expect(await stateOf(who.leaver)).toEqual(['void']);
    expect(await stateOf(who.removed)).toEqual(['void']);
    expect(await stateOf(who.ended)).toEqual(['void']);
    expect(smtp.to(who.leaver.email)).toEqual([]);
    expect(smtp.to(who.quiet.email)).toEqual([]);
    // Sent once: a second pass finds nothing.
    expect(await t.services.digestSender.sendDue(new Date('2026-03-02T10:00:00Z'))).toEqual({ attempted: 0, sent: 0, voided: 0 });
  });

  test('When the next week is sent, then it says what changed since the previous weekly snapshot; deactivated users are not queued', async () => {
    t.clock.set('2026-03-04T10:00:00Z');
    const [ms] = (await getBody<Page<{ id: string }>>(t, admin.token, `/api/v1/plans/${planId}/milestones`)).items;
    expect((await t.as(admin.token).patch(`/api/v1/plans/${planId}/milestones/${ms!.id}`).set('If-Match', '"1"').send({ status: 'done' })).status).toBe(200);
    smtp.messages.length = 0;
    await t.runDueJobs(new Date('2026-03-09T06:00:00Z'));
    expect(await stateOf(who.leaver)).toEqual(['void']);
    expect(await t.services.digestSender.sendDue(new Date('2026-03-09T09:00:00Z'))).toMatchObject({ sent: 3, voided: 0 });
    const [lead] = smtp.to(who.lead.email);
    expect(lead!.subject).toBe(`${PLAN_NAME}: weekly status for the week of 2026-03-02`);
    expect(lead!.text).toContain('What changed since the week of 2026-02-23');
    expect(lead!.text).toContain('- Completed: Move the newsletter');
  });

  test('When SMTP is down, then the digest stays queued and is sent on the retry schedule once it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    smtp.messages.length = 0;
    await t.runDueJobs(new Date('2026-03-16T06:00:00Z'));
    expect(await t.services.digestSender.sendDue(new Date('2026-03-16T09:00:00Z'))).toEqual({ attempted: 3, sent: 0, voided: 0 });
    const week = (await rows()).slice(-3);
    expect(week.map((r) => [r.state, r.attemptCount, r.nextAttemptAt])).toEqual(Array(3).fill(['pending', 1, '2026-03-16T09:00:08.000Z']));
    expect(week[0]!.lastError).toBeTruthy();

    await smtp.start(port);
    expect(await t.services.digestSender.sendDue(new Date('2026-03-16T09:00:05Z'))).toEqual({ attempted: 0, sent: 0, voided: 0 });
    expect(await t.services.digestSender.sendDue(new Date('2026-03-16T09:00:08Z'))).toEqual({ attempted: 3, sent: 3, voided: 0 });
    expect(smtp.messages.map((m) => m.subject)).toEqual(Array(3).fill(`${PLAN_NAME}: weekly status for the week of 2026-03-09`));
    expect((await rows()).slice(-3).map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
  });

  test('When a lead takes a manual snapshot or a backfill runs, then no email is queued', async () => {
    const count = (await rows()).length;
    t.clock.set('2026-03-18T10:00:00Z');
    expect((await t.as(who.lead.token).post(pathTo(ROUTES.snapshots, { planId })).send({ rag: 'green', note: 'Manual' })).status).toBe(201);
    expect((await t.as(who.lead.token).post(`/api/v1/plans/${planId}/snapshots/backfill`).send({})).status).toBe(200);
    expect((await rows()).length).toBe(count);
  });

  test('When a member opts out, then the next week queues nothing for them', async () => {
    await optIn(who.executive, false);
    await t.runDueJobs(new Date('2026-03-23T06:00:00Z'));
    const queued = (await rows()).filter((r) => r.state === 'pending');
    expect(queued.map((r) => r.userId).sort()).toEqual([who.lead.id, who.agency.id].sort());
  });

  test('When housekeeping runs a month later, then sent and voided digests are deleted and pending ones kept', async () => {
    const before = await rows();
    const done = before.filter((r) => r.state !== 'pending').length;
    expect(done).toBeGreaterThan(0);
    expect(await t.services.digestSender.purge(new Date('2026-05-01T00:00:00Z'))).toBe(done);
    expect((await rows()).map((r) => r.state)).toEqual(['pending', 'pending']);
  });
});
