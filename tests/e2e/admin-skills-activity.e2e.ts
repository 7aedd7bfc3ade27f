import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';
import { ADMIN } from './support/server';

const { server, seeded, browser } = setupSeededServer();

test('When an admin creates a user and a plan with that user as lead, then the new lead signs in and finds the plan', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Users' }).click();
  const userForm = page.getByRole('form', { name: 'Create a user' });
  await userForm.getByLabel('Name').fill('Nora New');
  await userForm.getByLabel('Email').fill('nora@e2e.test');
  await userForm.getByLabel('Initial password').fill('short');
  await userForm.getByRole('button', { name: 'Create user' }).click();
  await expect(userForm.getByText('must be at least 8 characters')).toBeVisible();
  await userForm.getByLabel('Initial password').fill('nora-password-1');
  await userForm.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nora New (nora@e2e.test) can now sign in' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'nora@e2e.test' })).toBeVisible();

  await page.getByRole('link', { name: 'New plan' }).click();
  const planForm = page.getByRole('form', { name: 'Create a plan' });
  await planForm.getByLabel('Plan name').fill('Second brand');
  await planForm.getByLabel('Brand').fill('Contoso');
  await planForm.getByLabel('Agency', { exact: true }).fill('Agency B');
  await planForm.getByLabel('Start date').fill('2026-02-02');
  await planForm.getByLabel('Target exit date').fill('2026-08-31');
  await planForm.getByRole('checkbox', { name: /Nora New/ }).check();
  await planForm.getByRole('button', { name: 'Create plan' }).click();

  await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
  await expect(page.getByRole('row', { name: /Nora New/ })).toBeVisible();
  const exec = seeded.executive;
  const add = page.getByRole('form', { name: 'Add a member' });
  const option = await add.getByLabel('User').locator('option', { hasText: exec.email }).textContent();
  await add.getByLabel('User').selectOption({ label: option! });
  await add.getByLabel('Role').selectOption('executive');
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was added as executive' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(exec.email) })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();

  const nora = await newPage(browser, server.baseUrl);
  await signIn(nora.page, 'nora@e2e.test', 'nora-password-1');
  await nora.page.getByRole('link', { name: /Second brand/ }).click();
  await expect(nora.page.getByRole('navigation', { name: 'Plan Second brand' }).getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(nora.page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await nora.page.goto('/admin/users');
  await expect(nora.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await nora.context.close();
});

test('When a lead adds a person and a skill and sets a level in the matrix, then coverage counts the person as qualified', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}/skills`);
  const person = page.getByRole('form', { name: 'Add a person' });
  await person.getByLabel('Name').fill('Dana Diaz');
  await person.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added Dana Diaz to the team.' })).toBeVisible();

  await page.getByText('Add a skill').click();
  const skill = page.getByRole('form', { name: 'Add a skill' });
  await skill.getByLabel('Skill').fill('Video editing');
  await skill.getByLabel('Level required').selectOption('2');
  await skill.getByLabel('People needed').fill('1');
  await skill.getByRole('button', { name: 'Add skill' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added the skill “Video editing”.' })).toBeVisible();
  const row = page.getByRole('row', { name: /Video editing/ });
  await expect(row.locator('td').nth(2)).toContainText('0');
  await expect(row.locator('td').nth(3)).toContainText('1');

  await page.getByLabel('Level of Dana Diaz in Video editing').selectOption('3');
  await expect(page.getByRole('status').filter({ hasText: 'Dana Diaz is now at level 3 (independent) in Video editing.' })).toBeVisible();
  await expect(row.locator('td').nth(2)).toContainText('1');
  await expect(row.locator('td').nth(3)).toContainText('0');
  const coverage = await seeded.admin.call<{ items: { name: string; qualifiedPeople: number; gap: number }[] }>('GET', `/plans/${seeded.plan.id}/skills/coverage`);
  expect(coverage.items.find((s) => s.name === 'Video editing')).toMatchObject({ qualifiedPeople: 1, gap: 0 });
  expect(errors).toEqual([]);
  await context.close();
});

test('When a lead filters the activity log, then only the matching entries are listed', async () => {
  const { context, page } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}/activity`);
  await expect(page.getByRole('region', { name: /Activity, newest first/ })).toBeVisible();
  await page.getByLabel('What').selectOption('handover');
  await expect(page.getByRole('region', { name: /Activity, newest first/ })).toBeVisible();
  const whats = await page.getByRole('region', { name: /Activity, newest first/ }).locator('tbody tr td:nth-child(3)').allTextContents();
  expect(whats.length).toBeGreaterThan(0);
  // Each entry names its handover: “Create handover “Instagram replies””.
  expect(whats.every((w) => /^\S+ handover “.+”$/.test(w))).toBe(true);
  await context.close();
});

test('When a lead changes the plan targets while someone else edits the plan, then the stale save is refused, reloaded and saved', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}/members`);
  const form = page.getByRole('form', { name: 'Plan settings' });
  await form.getByLabel('Target in-house share (%)').fill('80');
  const current = await seeded.admin.call<{ version: number }>('GET', `/plans/${seeded.plan.id}`);
  await seeded.admin.call('PATCH', `/plans/${seeded.plan.id}`, { agencyName: 'Renamed agency' }, { 'If-Match': `"${current.version}"` });
  await form.getByRole('button', { name: 'Save plan settings' }).click();
  await expect(form.getByRole('alert')).toContainText('Someone changed this plan');
  await form.getByRole('button', { name: 'Reload the current version' }).click();
  await expect(form.getByLabel('Agency', { exact: true })).toHaveValue('Renamed agency');
  await form.getByLabel('Target in-house share (%)').fill('80');
  await form.getByRole('button', { name: 'Save plan settings' }).click();
  await expect(form.getByRole('status')).toContainText('Plan settings saved.');
  const plan = await seeded.admin.call<{ agencyName: string; targets: { inHouseShare: number } }>('GET', `/plans/${seeded.plan.id}`);
  expect(plan).toMatchObject({ agencyName: 'Renamed agency', targets: { inHouseShare: 0.8 } });
  expect(errors).toEqual([]);
  await context.close();
});
