import type { Locator } from 'playwright-core';

// playwright-core has no test runner: these give Jest the web-first (retrying) assertions it lacks.

jest.setTimeout(120_000);

const TIMEOUT = Number(process.env.E2E_EXPECT_TIMEOUT ?? 10_000);

async function poll(check: () => Promise<boolean>, timeout = TIMEOUT): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // element detached while re-rendering: try again
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const describe = (l: Locator) => String(l);

expect.extend({
  async toBeVisible(locator: Locator) {
    const pass = await poll(async () => (await locator.count()) > 0 && (await locator.first().isVisible()));
    return { pass, message: () => `expected ${describe(locator)} ${pass ? 'not ' : ''}to be visible` };
  },
  async toBeHidden(locator: Locator) {
    const pass = await poll(async () => (await locator.count()) === 0 || !(await locator.first().isVisible()));
    return { pass, message: () => `expected ${describe(locator)} ${pass ? 'not ' : ''}to be hidden` };
  },
  async toContainText(locator: Locator, text: string) {
    let last = '';
    const pass = await poll(async () => {
      last = (await locator.first().textContent()) ?? '';
      return last.includes(text);
    });
    return { pass, message: () => `expected ${describe(locator)} to contain "${text}", got "${last.slice(0, 300)}"` };
  },
  async toHaveValue(locator: Locator, value: string) {
    let last = '';
    const pass = await poll(async () => (last = await locator.inputValue()) === value);
    return { pass, message: () => `expected ${describe(locator)} to have value "${value}", got "${last}"` };
  },
  async toHaveCount(locator: Locator, count: number) {
    let last = -1;
    const pass = await poll(async () => (last = await locator.count()) === count);
    return { pass, message: () => `expected ${describe(locator)} to match ${count} elements, got ${last}` };
  },
  async toHaveAttribute(locator: Locator, name: string, value: string) {
    let last: string | null = null;
    const pass = await poll(async () => (last = await locator.getAttribute(name)) === value);
    return { pass, message: () => `expected ${describe(locator)} to have ${name}="${value}", got ${String(last)}` };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how @types/jest is extended
  namespace jest {
    interface Matchers<R> {
      toBeVisible(): Promise<R>;
      toBeHidden(): Promise<R>;
      toContainText(text: string): Promise<R>;
      toHaveValue(value: string): Promise<R>;
      toHaveCount(count: number): Promise<R>;
      toHaveAttribute(name: string, value: string): Promise<R>;
    }
  }
}
