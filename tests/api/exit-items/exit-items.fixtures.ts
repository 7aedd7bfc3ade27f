import { EXIT_ITEM_LADDER, ROUTES, pathTo, type CreateExitItem, type ExitItem, type ExitItemStatus, type Page } from '@handover/shared';
import type { TestApp } from '../../support/app';
import { bodyOf, getBody } from '../../support/fixtures';

// Exit checklist helpers for tests/api/exit-items (docs/domain.md#exit-checklist).

export const itemsUrl = (planId: string, query?: Record<string, string | number>) => pathTo(ROUTES.exitItems, { planId }, query);
export const itemUrl = (planId: string, exitItemId: string) => pathTo(ROUTES.exitItem, { planId, exitItemId });
export const movesUrl = (planId: string, exitItemId: string) => pathTo(ROUTES.exitItemTransitions, { planId, exitItemId });

export const exitItemInput = (over: Partial<CreateExitItem> = {}): CreateExitItem => ({
  kind: 'social_account',
  name: 'Instagram @northwind',
  channel: 'instagram',
  ...over,
});

export async function createExitItem(t: TestApp, token: string, planId: string, over: Partial<CreateExitItem> = {}): Promise<ExitItem> {
  return bodyOf<ExitItem>(await t.as(token).post(itemsUrl(planId)).send(exitItemInput(over)), 201, 'exit item');
}

export async function moveExitItem(t: TestApp, token: string, planId: string, id: string, to: ExitItemStatus, note?: string): Promise<ExitItem> {
  const res = await t.as(token).post(movesUrl(planId, id)).send(note === undefined ? { to } : { to, note });
  return bodyOf<ExitItem>(res, 200, `exit item to ${to}`);
}

/** Move an item (as `token`, a lead's unless said) one step at a time from where it is up to `to`. */
export async function climbTo(t: TestApp, token: string, planId: string, item: ExitItem, to: ExitItemStatus): Promise<ExitItem> {
  let current = item;
  for (const step of EXIT_ITEM_LADDER.slice(EXIT_ITEM_LADDER.indexOf(item.status) + 1, EXIT_ITEM_LADDER.indexOf(to) + 1)) {
    current = await moveExitItem(t, token, planId, current.id, step);
  }
  return current;
}

export const readItem = (t: TestApp, token: string, planId: string, id: string) => getBody<ExitItem>(t, token, itemUrl(planId, id));
export const listItems = (t: TestApp, token: string, planId: string, query?: Record<string, string | number>) =>
  getBody<Page<ExitItem>>(t, token, itemsUrl(planId, query));
