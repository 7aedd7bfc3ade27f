import type { KtSession, Person } from '@handover/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import HandoversPage from '../../dashboard/src/app/routes/handovers';
import SkillsPage from '../../dashboard/src/app/routes/skills';
import type { PlanContext } from '../../dashboard/src/app/use-session';
import { KtSessionList } from '../../dashboard/src/features/kt-sessions/components/kt-session-list';
import { KtSessionsDisclosure } from '../../dashboard/src/features/kt-sessions/components/kt-sessions-disclosure';
import { attendeesText, namesText, sessionsMatching } from '../../dashboard/src/features/kt-sessions/utils/sessions';
import { mockFetch } from './support/fetch';
import { PLAN, aHandover, aPlan, listOf } from './support/fixtures';

// Knowledge-transfer sessions where the dashboard shows them (docs/domain.md#knowledge-transfer-sessions).

const STORIES = '11111111-1111-4111-8111-111111111111';
const REPLIES = '22222222-2222-4222-8222-222222222222';
const VIDEO = '33333333-3333-4333-8333-333333333333';
const COPY = '44444444-4444-4444-8444-444444444444';
const ANN = '55555555-5555-4555-8555-555555555555';
const BO = '66666666-6666-4666-8666-666666666666';

let seq = 0;
const aSession = (over: Partial<KtSession> = {}): KtSession => {
  seq += 1;
  const id = `aaaaaaaa-aaaa-4aaa-8aaa-${String(seq).padStart(12, '0')}`;
  return {
    id,
    planId: PLAN,
    date: '2026-03-02',
    topic: `Session ${seq}`,
    method: 'workshop',
    givenBy: 'Sam (agency)',
    attendees: [],
    handoverIds: [],
    skillIds: [],
    materialsUrl: null,
    notes: null,
    createdBy: null,
    version: 1,
    createdAt: `2026-03-01T10:00:0${seq % 10}.000Z`,
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...over,
  };
};
const aPerson = (id: string, name: string): Person => ({ id, planId: PLAN, name, title: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

const topicsIn = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);

describe('KtSessionList', () => {
  const early = aSession({ topic: 'Reply tone', date: '2026-03-01', method: 'shadowing', handoverIds: [REPLIES] });
  const late = aSession({
    topic: 'Story templates',
    date: '2026-03-09',
    method: 'reverse_shadowing',
    givenBy: 'Kim at Brightside',
    handoverIds: [STORIES, REPLIES],
    skillIds: [VIDEO],
    attendees: [ANN, BO],
    materialsUrl: 'https://docs.example.com/stories',
    notes: 'Bring the brand kit',
  });

  it('When sessions are given, then they are listed newest first with date, method, topic and who gave them', () => {
    render(<KtSessionList sessions={[early, late]} label="All sessions" personName={(id) => (id === ANN ? 'Ann' : undefined)} />);
    const list = screen.getByRole('list', { name: 'All sessions' });
    expect(topicsIn(list)).toEqual(['Story templates', 'Reply tone']);
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('Reverse shadowing · given by Kim at Brightside');
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-09');
    // A person the page cannot name is counted, not dropped.
    expect(first.textContent).toContain('Attended by Ann and 1 more');
    expect(first.textContent).toContain('Bring the brand kit');
    const link = within(first).getByRole('link', { name: /Materials for Story templates/ });
    expect(link.getAttribute('href')).toBe('https://docs.example.com/stories');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('When a filter is given, then only the matching sessions show, and with none the empty text', () => {
    const { rerender } = render(<KtSessionList sessions={[early, late]} handoverId={STORIES} label="For stories" />);
    expect(topicsIn(screen.getByRole('list', { name: 'For stories' }))).toEqual(['Story templates']);
    rerender(<KtSessionList sessions={[early, late]} skillId={COPY} label="For copy" emptyText="Nothing for copy." />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('Nothing for copy.')).toBeTruthy();
  });

  it('When sessions are filtered, then each filter narrows, dates are inclusive and one day keeps the last recorded first', () => {
    const a = aSession({ date: '2026-03-10', method: 'workshop', skillIds: [VIDEO], createdAt: '2026-03-10T09:00:00.000Z' });
    const b = aSession({ date: '2026-03-10', method: 'documentation', skillIds: [VIDEO, COPY], createdAt: '2026-03-10T11:00:00.000Z' });
    const c = aSession({ date: '2026-03-20', method: 'workshop', handoverIds: [STORIES] });
    const all = [a, b, c];
    const ids = (f: Parameters<typeof sessionsMatching>[1]) => sessionsMatching(all, f).map((s) => s.id);
    expect(ids({})).toEqual([c.id, b.id, a.id]);
    expect(ids({ skillId: VIDEO })).toEqual([b.id, a.id]);
    expect(ids({ method: 'workshop' })).toEqual([c.id, a.id]);
    expect(ids({ skillId: VIDEO, method: 'workshop' })).toEqual([a.id]);
    expect(ids({ from: '2026-03-10', to: '2026-03-10' })).toEqual([b.id, a.id]);
    expect(ids({ from: '2026-03-11' })).toEqual([c.id]);
    expect(ids({ to: '2026-03-09' })).toEqual([]);
    expect(attendeesText([], () => 'x')).toBeNull();
    expect(attendeesText([ANN, BO])).toBe('2 people');
    expect(attendeesText([ANN, BO], (id) => (id === ANN ? 'Ann' : 'Bo'))).toBe('Ann, Bo');
    expect(namesText([STORIES, REPLIES], (id) => (id === STORIES ? 'Stories' : undefined), ['handover', 'handovers'])).toBe('Stories and 1 more');
    expect(namesText([VIDEO], undefined, ['skill', 'skills'])).toBe('1 skill');
  });
});

describe('KtSessionsDisclosure', () => {
  it('When a skill has sessions, then a toggle in the tab order counts them and opens their list', async () => {
    const sessions = [aSession({ topic: 'Editing reels', skillIds: [VIDEO] }), aSession({ topic: 'Captions', skillIds: [VIDEO, COPY] }), aSession({ topic: 'Other' })];
    render(<KtSessionsDisclosure sessions={sessions} skillId={VIDEO} subject="Video" />);
    const user = userEvent.setup();
    await user.tab();
    const summary = document.activeElement as HTMLElement;
    expect(summary.tagName).toBe('SUMMARY');
    expect(summary.textContent).toBe('2 KT sessions for Video');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    // A native <summary>: browsers open it with Enter or Space; jsdom implements only the click.
    await user.click(summary);
    expect(details.open).toBe(true);
    expect(topicsIn(screen.getByRole('list', { name: 'Knowledge-transfer sessions for Video' })).sort()).toEqual(['Captions', 'Editing reels']);
  });

  it('When a skill has no session, then a plain line says so and nothing is focusable', () => {
    render(<KtSessionsDisclosure sessions={[aSession({ skillIds: [COPY] })]} skillId={VIDEO} subject="Video" />);
    expect(screen.getByText('No KT sessions')).toBeTruthy();
    expect(document.querySelector('details')).toBeNull();
  });
});

/** A plan page as the layout renders it: inside the router, with the plan context. */
function renderPage(page: ReactElement, role: PlanContext['role']) {
  const context = { plan: aPlan(), role, me: {} } as PlanContext;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/page']}>
        <Routes>
          <Route element={<Outlet context={context} />}>
            <Route path="/page" element={page} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the pages that show sessions', () => {
  const storiesSession = aSession({ topic: 'Story templates', date: '2026-03-09', method: 'shadowing', givenBy: 'Kim', handoverIds: [STORIES], skillIds: [VIDEO], attendees: [ANN] });
  const repliesSession = aSession({ topic: 'Reply tone', handoverIds: [REPLIES] });

  it('When a handover’s history is opened, then it lists the sessions linked to that handover only', async () => {
    const { calls } = mockFetch({
      [`GET /plans/${PLAN}/handovers`]: listOf([aHandover(STORIES, 'Stories', 'shadowing'), aHandover(COPY, 'Ads', 'agency')]),
      [`GET /plans/${PLAN}/kt-sessions`]: listOf([storiesSession, repliesSession]),
      [`GET /plans/${PLAN}/people`]: listOf([aPerson(ANN, 'Ann')]),
    });
    renderPage(<HandoversPage />, 'agency');
    const card = (await screen.findByRole('heading', { name: 'Stories' })).closest('li')!;
    const user = userEvent.setup();
    await user.click(within(card).getByText('History (0)'));
    const list = await within(card).findByRole('list', { name: 'Knowledge-transfer sessions for Stories' });
    expect(topicsIn(list)).toEqual(['Story templates']);
    expect(list.textContent).toContain('Shadowing · given by Kim');
    expect(list.textContent).toContain('Attended by Ann');
    const ads = screen.getByRole('heading', { name: 'Ads' }).closest('li')!;
    expect(ads.textContent).toContain('No knowledge-transfer session recorded for this handover.');
    // One request serves every card.
    expect(calls.filter((c) => c.url.includes('/kt-sessions'))).toHaveLength(1);
  });

  it('When the skills page loads, then each skill counts its sessions and opens their list', async () => {
    mockFetch({
      [`GET /plans/${PLAN}/skills/coverage`]: {
        status: 200,
        body: {
          items: [
            { skillId: VIDEO, name: 'Video', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 1, gap: 1, critical: true },
            { skillId: COPY, name: 'Copy', category: null, requiredLevel: 2, requiredPeople: 1, qualifiedPeople: 1, gap: 0, critical: false },
          ],
          totals: { required: 3, gap: 1, closedShare: 0.67 },
        },
      },
      [`GET /plans/${PLAN}/kt-sessions`]: listOf([storiesSession, repliesSession]),
      [`GET /plans/${PLAN}/people`]: listOf([aPerson(ANN, 'Ann')]),
    });
    renderPage(<SkillsPage />, 'agency');
    const toggle = await screen.findByText('1 KT session', { exact: false, selector: 'summary' });
    expect(toggle.textContent).toBe('1 KT session for Video');
    const copyRow = screen.getByRole('rowheader', { name: /Copy/ }).closest('tr')!;
    expect(copyRow.textContent).toContain('No KT sessions');
    await userEvent.setup().click(toggle);
    expect(topicsIn(screen.getByRole('list', { name: 'Knowledge-transfer sessions for Video' }))).toEqual(['Story templates']);
  });
});
