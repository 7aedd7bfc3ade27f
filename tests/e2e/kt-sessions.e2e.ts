import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

// Knowledge-transfer sessions on the Handovers and Skills pages, on a phone and by keyboard
// (docs/domain.md#knowledge-transfer-sessions).

const { server, seeded, browser } = setupSeededServer({ planName: 'KT plan' });

beforeAll(async () => {
  const { admin, plan } = seeded;
  const p = `/plans/${plan.id}`;
  const items = async (path: string) => (await admin.call<{ items: Array<{ id: string; title?: string; name?: string }> }>('GET', `${p}/${path}`)).items;
  const handovers = await items('handovers');
  const skills = await items('skills');
  const people = await items('people');
  const replies = handovers.find((h) => h.title === 'Instagram replies')!;
  const copy = skills.find((s) => s.name === 'Copywriting')!;
  await admin.call('POST', `${p}/kt-sessions`, {
    date: '2026-03-02',
    topic: 'Answering complaints without escalating: the tone guide, the macros and when to call the lead',
    method: 'shadowing',
    givenBy: 'Sam Carter, community manager at Brightside Social',
    attendees: people.map((x) => x.id),
    handoverIds: [replies.id],
    skillIds: [copy.id],
    materialsUrl: 'https://docs.example.com/kt/replies-tone-guide-and-escalation-macros-for-the-instagram-inbox',
  });
  await admin.call('POST', `${p}/kt-sessions`, { date: '2026-03-09', topic: 'Caption workshop', method: 'workshop', givenBy: 'Sam', skillIds: [copy.id] });
});

const sideways = (page: Page) => page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');

async function openAsAgency(route: string) {
  const { context, page, errors } = await newPage(browser, server.baseUrl, { width: 375, height: 812 });
  await signIn(page, seeded.agency.email, seeded.agency.password);
  await page.goto(`/plans/${seeded.plan.id}${route}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors, close: () => context.close() };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('When agency staff open a handover’s history by keyboard on a phone, then its sessions are listed, nothing scrolls sideways and axe finds nothing serious', async () => {
  const { page, errors, close } = await openAsAgency('/handovers');
  const card = page.getByTestId('handover').filter({ has: page.getByRole('heading', { name: 'Instagram replies' }) });
  const history = card.locator('summary', { hasText: 'History' });
  await history.focus();
  await page.keyboard.press('Enter');
  const list = card.getByRole('list', { name: 'Knowledge-transfer sessions for Instagram replies' });
  await list.waitFor();
  expect(await list.getByRole('listitem').count()).toBe(1);
  expect(await list.textContent()).toContain('Shadowing · given by Sam Carter');
  expect(await list.textContent()).toContain('Attended by Ana Lopez, Ben Okoro, Chen Wei');
  const other = page.getByTestId('handover').filter({ has: page.getByRole('heading', { name: 'Weekly newsletter' }) });
  await other.locator('summary', { hasText: 'History' }).click();
  await other.getByText('No knowledge-transfer session recorded for this handover.').waitFor();
  expect(await sideways(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});

test('When agency staff open a skill’s sessions by keyboard on a phone, then they are listed, newest first, and axe finds nothing serious', async () => {
  const { page, errors, close } = await openAsAgency('/skills');
  const toggle = page.locator('summary', { hasText: '2 KT sessions' });
  await toggle.waitFor();
  await toggle.focus();
  await page.keyboard.press('Space');
  const list = page.getByRole('list', { name: 'Knowledge-transfer sessions for Copywriting' });
  await list.waitFor();
  expect(await list.locator('strong').allTextContents()).toEqual(['Caption workshop', expect.stringMatching(/^Answering complaints/)]);
  expect(await page.getByText('No KT sessions').count()).toBe(1);
  expect(await sideways(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});
