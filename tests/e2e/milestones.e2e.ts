import type { Page } from 'playwright-core';
import { ApiClient } from './support/api';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

const { server, seeded, browser } = setupSeededServer();

async function milestonesPage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}/milestones`);
  await page.getByRole('heading', { name: 'Milestones', level: 1 }).waitFor();
  return { page, errors, close: () => context.close() };
}

test('When a lead creates a milestone with a bad field, then the error shows on the field; fixed, it is created and listed', async () => {
  const { page, errors, close } = await milestonesPage();
  await page.getByRole('button', { name: 'New milestone' }).click();
  const form = page.getByRole('form', { name: 'New milestone' });
  await form.getByLabel('Title').fill('Publish the social media policy');
  await form.getByLabel('Phase').selectOption('outward_presence');
  await form.getByLabel('Weight (1–10)').fill('11');
  await form.getByRole('button', { name: 'Create milestone' }).click();
  // The shared schema refuses it in the browser, on its fields.
  await expect(form.getByText('must be between 1 and 10')).toBeVisible();
  await expect(form.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Weight (1–10)').fill('4');
  await form.getByLabel('Due date').fill('2026-12-01');
  await form.getByLabel('Owner (optional)').fill('Dana');
  await form.getByRole('checkbox', { name: /Launch the staff chat/ }).check();
  await form.getByRole('button', { name: 'Create milestone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created “Publish the social media policy”' })).toBeVisible();
  const row = page.getByRole('row', { name: /Publish the social media policy/ });
  await expect(row).toContainText('Outward presence');
  await expect(row).toContainText('depends on “Launch the staff chat”');

  const list = await seeded.admin.call<{ items: { title: string; weight: number; owner: string; dependsOn: string[] }[] }>(
    'GET',
    `/plans/${seeded.plan.id}/milestones?limit=200`,
  );
  expect(list.items.find((m) => m.title === 'Publish the social media policy')).toMatchObject({ weight: 4, owner: 'Dana', dependsOn: [expect.any(String)] });
  expect(errors).toEqual([]);
  await close();
});

test('When a lead edits a milestone that someone else changed meanwhile, then a 412 dialog shows the current version and taking it lets the edit succeed', async () => {
  const milestone = await seeded.admin.createMilestone(seeded.plan.id, {
    title: 'Write the tone of voice guide',
    phase: 'outward_presence',
    dueDate: '2026-11-02',
  });
  const { page, errors, close } = await milestonesPage();
  await page.getByRole('button', { name: 'Edit Write the tone of voice guide' }).click();
  const form = page.getByRole('form', { name: 'Edit milestone' });
  await form.getByLabel('Owner (optional)').fill('Lee');

  // Meanwhile, a colleague edits the same milestone through the API.
  const other = await ApiClient.signIn(server.baseUrl, seeded.lead.email, seeded.lead.password);
  await other.patchMilestone(seeded.plan.id, milestone.id, { title: 'Write the brand voice guide', weight: 5 });

  await form.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Changed by someone else' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-current')).toContainText('Write the brand voice guide');
  await expect(dialog.getByTestId('conflict-current')).toContainText('5');
  await dialog.getByRole('button', { name: 'Use their version' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.getByLabel('Title')).toHaveValue('Write the brand voice guide');
  await expect(form.getByLabel('Owner (optional)')).toHaveValue('');

  await form.getByLabel('Owner (optional)').fill('Lee');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Write the brand voice guide”' })).toBeVisible();
  const saved = await seeded.admin.getMilestone(seeded.plan.id, milestone.id);
  expect(saved).toMatchObject({ title: 'Write the brand voice guide', owner: 'Lee', weight: 5, version: milestone.version + 2 });
  expect(errors).toEqual([]);
  await close();
});

test('When a lead changes a status from the list, then it is saved; done with an open dependency is refused with the reason', async () => {
  const { page, close } = await milestonesPage();
  await page.getByLabel('Status of Give notice to the agency').selectOption('in_progress');
  await expect(page.getByRole('status').filter({ hasText: '“Give notice to the agency” is now in progress.' })).toBeVisible();

  const dep = await seeded.admin.createMilestone(seeded.plan.id, { title: 'Hire a community manager', phase: 'agency_exit', dueDate: '2026-10-01' });
  await seeded.admin.createMilestone(seeded.plan.id, { title: 'Hand over the passwords', phase: 'agency_exit', dueDate: '2026-10-15', dependsOn: [dep.id] });
  await page.reload();
  await page.getByLabel('Status of Hand over the passwords').selectOption('done');
  await expect(page.getByRole('row', { name: /Hand over the passwords/ }).getByRole('alert')).toContainText('Cannot be done until “Hire a community manager” is done.');

  await page.getByLabel('Phase').selectOption('agency_exit');
  await expect(page.getByRole('row', { name: /Launch the staff chat/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Hand over the passwords/ })).toHaveCount(1);
  await close();
});

test('When an executive opens the milestones, then they see the list without any edit control', async () => {
  const { context, page } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.executive.email, seeded.executive.password);
  await page.goto(`/plans/${seeded.plan.id}/milestones`);
  await expect(page.getByRole('row', { name: /Launch the staff chat/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New milestone' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await context.close();
});

test('When a lead saves a dependency cycle, then the server refusal is shown on the dependency field', async () => {
  const { page, close } = await milestonesPage();
  await page.getByRole('button', { name: 'Edit Launch the staff chat' }).click();
  const form = page.getByRole('form', { name: 'Edit milestone' });
  await form.getByRole('checkbox', { name: /Train the editors/ }).check();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('would create a dependency cycle')).toBeVisible();
  const reread = await seeded.admin.call<{ items: { title: string; dependsOn: string[] }[] }>('GET', `/plans/${seeded.plan.id}/milestones?limit=200`);
  expect(reread.items.find((m) => m.title === 'Launch the staff chat')?.dependsOn).toEqual([]);
  await close();
});
