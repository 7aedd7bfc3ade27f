import type { Browser } from 'playwright-core';
import { late } from '../../support/late';
import { launchBrowser } from './browser';
import { seedPlan, type Seeded } from './seed';
import { startServer, type Server } from './server';

/**
 * A fresh server with a seeded plan for this test file or describe block (beforeAll, stopped in
 * afterAll), and a browser unless `browser: false`.
 */
export function setupSeededServer(options: { planName?: string; browser?: boolean; beforeStop?: () => void; env?: Record<string, string> } = {}) {
  let server: Server | undefined;
  let seeded: Seeded | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ env: options.env });
    seeded = await seedPlan(server.baseUrl, options.planName);
    if (options.browser !== false) browser = await launchBrowser();
  });
  afterAll(async () => {
    options.beforeStop?.();
    await browser?.close();
    await server?.stop();
  });
  return {
    server: late(() => server, 'the server'),
    seeded: late(() => seeded, 'the seeded plan'),
    browser: late(() => browser, 'the browser'),
  };
}
