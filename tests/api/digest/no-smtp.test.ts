import { ROUTES } from '@handover/shared';
import { ConfigError, loadConfig } from '../../../api/src/config';
import { listDigestEmails } from '../../../api/src/db/repositories/digest.repository';
import { setupApp } from '../../support/app';
import { getBody, setupPlanWorld } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';

// Without SMTP_URL no email is ever attempted, and the preference says why (docs/domain.md#email-digest).
const t = setupApp({ env: { PUBLIC_URL: 'https://handover.example.com' } });
const w = setupPlanWorld(t);
const PREFS = `/api/v1${ROUTES.mePreferences}`;

describe('preferences without SMTP_URL', () => {
  test('When a user reads their preferences, then the digest is off and unavailable, and the reason names SMTP_URL', async () => {
    const got = await getBody(t, w.executive.token, PREFS);
    expect(got).toEqual({ weeklyDigest: false, digestAvailable: false, digestUnavailableReason: expect.stringContaining('SMTP_URL') });
  });

  test('When a user opts in, then the choice is kept though nothing will be sent', async () => {
    const res = await t.as(w.lead.token).put(PREFS).send({ weeklyDigest: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ weeklyDigest: true, digestAvailable: false });
    expect(await getBody(t, w.lead.token, PREFS)).toMatchObject({ weeklyDigest: true });
    expect(await getBody(t, w.executive.token, PREFS)).toMatchObject({ weeklyDigest: false });
  });

  test('When the weekly snapshot is taken, then no email is queued and the sender attempts nothing', async () => {
    const report = await t.runDueJobs(new Date('2026-03-09T06:00:00Z'));
    expect(report.weekly.map((r) => r.planId)).toContain(w.planId);
    expect(await t.db.read((m) => listDigestEmails(m, w.planId))).toEqual([]);
    expect(await t.services.digestSender.sendDue(new Date('2026-03-09T12:00:00Z'))).toEqual({ attempted: 0, sent: 0, voided: 0 });
  });

  test('When the body is wrong or no one is signed in, then the answer is a problem and nothing changes', async () => {
    expect((await t.as(w.lead.token).put(PREFS).send({ weeklyDigest: 'yes' })).status).toBe(422);
    expect((await t.as(w.lead.token).put(PREFS).send({ weeklyDigest: false, extra: 1 })).status).toBe(422);
    const anonymous = await t.as().get(PREFS);
    expectProblem(anonymous, 401);
    expect(await getBody(t, w.lead.token, PREFS)).toMatchObject({ weeklyDigest: true });
  });
});

describe('configuration', () => {
  test('When SMTP_URL is set without PUBLIC_URL, then start-up is refused with one line naming PUBLIC_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/^Invalid configuration: PUBLIC_URL expected when SMTP_URL is set[^\n]*$/);
  });

  test('When SMTP settings are given, then they are read, a wrong SMTP_URL is refused without echoing its password', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'https://h.example.com' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', smtpFrom: 'Handover <handover@localhost>', digestAt: { weekday: 1, hour: 9, minute: 0 } });
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail', PUBLIC_URL: 'https://h.example.com' })).toThrow(/SMTP_URL expected a URL like smtp:/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail', PUBLIC_URL: 'https://h.example.com' })).not.toThrow(/secret/);
    expect(loadConfig({ DIGEST_AT: 'FRI 16:30' }).digestAt).toMatchObject({ weekday: 5, hour: 16, minute: 30 });
  });
});
