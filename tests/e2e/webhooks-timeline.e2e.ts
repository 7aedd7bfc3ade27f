import type { Page } from 'playwright-core';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

// docs/domain.md#webhooks and #milestones-timeline, in the browser against the real server. The
// dispatcher runs (SCHEDULER=on) and may post to loopback (WEBHOOK_ALLOW_PRIVATE=true); a short
// retry window makes an unreachable receiver's delivery fail within seconds.
const { server, seeded, browser } = setupSeededServer({
  planName: 'Webhooks and timeline',
  env: { SCHEDULER: 'on', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCHEDULE: '200ms/1s', WEBHOOK_RETRY_JITTER: 'off' },
});

const UNREACHABLE = 'http://127.0.0.1:9/handover-e2e';

async function asLead(path: string, options: Parameters<typeof newPage>[2] = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await newPage(browser, server.baseUrl, options);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(path);
  return { page, errors, close: () => context.close() };
}

test('When a lead adds a webhook to an unreachable address, then its secret shows once and the failed delivery shows in the log and can be redelivered', async () => {
  const { page, errors, close } = await asLead(`/plans/${seeded.plan.id}`);
  await page.getByRole('navigation', { name: /^Plan / }).getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
  const form = page.getByRole('form', { name: 'Add a webhook' });
  await form.getByLabel('URL').fill(UNREACHABLE);
  await form.getByRole('checkbox', { name: /A milestone is completed/ }).check();
  await form.getByRole('button', { name: 'Add webhook' }).click();
  const secret = page.getByRole('region', { name: 'The webhook’s signing secret' });
  await expect(secret).toBeVisible();
  expect(await secret.getByRole('textbox').inputValue()).toMatch(/^whsec_/);
  await secret.getByRole('button', { name: 'Done, hide it' }).click();
  await expect(secret).toBeHidden();

  // Something the webhook subscribes to happens: a milestone is completed.
  const m = await seeded.admin.createMilestone(seeded.plan.id, { title: 'Hook trigger', phase: 'internal_network', dueDate: '2026-06-01' });
  await seeded.admin.patchMilestone(seeded.plan.id, m.id, { status: 'done' });

  await page.getByRole('button', { name: `Show delivery log of the webhook to ${UNREACHABLE}` }).click();
  const row = page.getByRole('row', { name: /milestone\.completed/ });
  const refresh = page.getByRole('button', { name: 'Refresh the log' });
  const deadline = Date.now() + 30_000;
  while (!((await row.count()) > 0 && /Failed/.test(await row.first().innerText()))) {
    if (Date.now() > deadline) throw new Error(`the delivery did not fail in time: ${(await row.count()) ? await row.first().innerText() : 'no row'}`);
    await page.waitForTimeout(1_000);
    await refresh.click();
  }
  await expect(row).toContainText('no answer');
  await row.getByRole('button', { name: /^Redeliver milestone\.completed/ }).click();
  await expect(page.getByText('Queued milestone.completed to be sent again.')).toBeVisible();

  const hooks = await seeded.admin.call<{ items: { id: string }[] }>('GET', `/plans/${seeded.plan.id}/webhooks`);
  const deliveries = await seeded.admin.call<{ items: { attempts: { status: number | null; error: string | null }[] }[] }>(
    'GET',
    `/plans/${seeded.plan.id}/webhooks/${hooks.items[0]!.id}/deliveries`,
  );
  expect(deliveries.items).toHaveLength(1);
  expect(deliveries.items[0]!.attempts.length).toBeGreaterThanOrEqual(2);
  expect(deliveries.items[0]!.attempts.every((a) => a.status === null && a.error)).toBe(true);
  expect(errors).toEqual([]);
  await close();
});

test('When a lead takes a baseline and a due date then moves, then the timeline shows the bar with its baseline behind it, by keyboard too', async () => {
  const { page, errors, close } = await asLead(`/plans/${seeded.plan.id}/milestones`);
  await page.getByRole('button', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Take baseline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take a baseline' });
  await dialog.getByLabel('Name').fill('Agreed with the board');
  await dialog.getByRole('button', { name: 'Take baseline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Baseline “Agreed with the board” taken' })).toBeVisible();
  await expect(page.getByText(/Baseline: “Agreed with the board”/)).toBeVisible();

  const list = await seeded.admin.call<{ items: { id: string; title: string; dueDate: string }[] }>('GET', `/plans/${seeded.plan.id}/milestones?limit=200`);
  const notice = list.items.find((m) => m.title === 'Give notice to the agency')!;
  const moved = new Date(Date.parse(`${notice.dueDate}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  await seeded.admin.patchMilestone(seeded.plan.id, notice.id, { dueDate: moved });
  await page.reload();
  const bar = page.getByRole('img', { name: /^Give notice to the agency, Agency exit/ });
  await bar.waitFor();
  expect(await bar.getAttribute('aria-label')).toContain('14 days later than its baseline');
  // Every milestone existed when the baseline was taken, so each has its ghost.
  await expect(page.locator('.ms-timeline__ghost')).toHaveCount(list.items.length);
  await expect(page.locator('.ms-timeline__arrow')).toHaveCount(1);

  // One tab stop for the bars; arrows move between them and the details follow.
  const first = page.getByRole('img', { name: /^Launch the staff chat/ });
  await first.focus();
  await page.keyboard.press('End');
  await expect(page.getByLabel('Selected milestone')).toContainText('Give notice to the agency');
  expect(await page.evaluate(`document.activeElement?.getAttribute('aria-label')`)).toMatch(/^Give notice to the agency/);
  await page.getByText('Show the timeline as a table').click();
  await expect(page.getByRole('row', { name: /Give notice to the agency/ })).toContainText('14 days later than its baseline');
  expect(errors).toEqual([]);
  await close();
});

/** What sticks out at a phone's width: the page, a card's content, a link of the plan or account menu. */
const clipping = (page: Page) =>
  page.evaluate(`(() => {
    const cut = (a) => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 0.5; };
    return {
      page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      cards: [...document.querySelectorAll('.card')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.trim().slice(0, 40)),
      linksCut: [...document.querySelectorAll('.app-nav a, .app-header nav a')].filter(cut).map((a) => a.textContent.trim()),
    };
  })()`);

test('When the timeline and the webhooks page are read on a phone, then the chart scrolls inside its card and nothing else is clipped', async () => {
  const { page, close } = await asLead(`/plans/${seeded.plan.id}/milestones?view=timeline`, { width: 375, height: 812 });
  await page.locator('svg.ms-timeline').waitFor();
  expect(await page.evaluate(`(() => { const r = document.querySelector('svg.ms-timeline').closest('.table-wrap'); return r.scrollWidth > r.clientWidth; })()`)).toBe(
    true,
  );
  expect(await clipping(page)).toEqual({ page: false, cards: [], linksCut: [] });
  await page.goto(`/plans/${seeded.plan.id}/settings/webhooks`);
  await page.getByRole('button', { name: /^Show delivery log of / }).first().click();
  await page.getByRole('row', { name: /milestone\.completed/ }).first().waitFor();
  expect(await clipping(page)).toEqual({ page: false, cards: [], linksCut: [] });
  await close();
});
