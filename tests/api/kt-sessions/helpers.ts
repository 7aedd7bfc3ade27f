import { pathTo, ROUTES, type CreateKtSession, type KtSession, type Page } from '@handover/shared';
import type { TestApp } from '../../support/app';
import { bodyOf } from '../../support/fixtures';

// Requests the knowledge-transfer session tests share (docs/domain.md#knowledge-transfer-sessions).

export const sessionsPath = (planId: string, query?: Record<string, string>) => pathTo(ROUTES.ktSessions, { planId }, query);
export const sessionPath = (planId: string, sessionId: string) => pathTo(ROUTES.ktSession, { planId, sessionId });

/** The least a session needs, with whatever the test is about laid over it. */
export const sessionInput = (over: Partial<CreateKtSession> = {}): CreateKtSession => ({
  date: '2026-03-02',
  topic: 'Community replies',
  method: 'workshop',
  givenBy: 'Sam (Brightside Social)',
  ...over,
});

export async function recordSession(t: TestApp, token: string, planId: string, over: Partial<CreateKtSession> = {}): Promise<KtSession> {
  return bodyOf<KtSession>(await t.as(token).post(sessionsPath(planId)).send(sessionInput(over)), 201, 'KT session');
}

/** The list as a reader sees it. */
export async function listSessions(t: TestApp, token: string, planId: string, query: Record<string, string> = {}): Promise<Page<KtSession>> {
  return bodyOf<Page<KtSession>>(await t.as(token).get(sessionsPath(planId, query)), 200, 'KT sessions');
}

/** The topics of the listed sessions, in list order. */
export async function topics(t: TestApp, token: string, planId: string, query: Record<string, string> = {}): Promise<string[]> {
  return (await listSessions(t, token, planId, query)).items.map((s) => s.topic);
}
