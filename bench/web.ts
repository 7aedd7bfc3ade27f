/**
 * `npm run bench:web`: how the dashboard feels to an executive, measured by Lighthouse 12.2.3 with
 * the system Chromium. It builds, starts the demo on a free port, signs in as the executive, and
 * runs Lighthouse three times each with the desktop preset and the default mobile emulation on the
 * overview and the milestones page; it prints the median scores and metrics and writes
 * bench/web-results.json. A benchmark, not a test: nothing here fails on a number.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ServerProcess } from '../tests/support/launcher';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/** `failing`: the weighted best-practices audits that did not pass, by id (what costs that score). */
type Run = { scores: Record<string, number>; metrics: Record<string, number>; scriptBytes: number; failing: string[] };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-web-'));
  const demo = await ServerProcess.launch({
    entry: path.join(ROOT, 'api/dist/demo.js'),
    cwd: dir,
    env: { DATABASE_URL: undefined, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, LOG_LEVEL: 'warn' },
    readyOutput: /listening on/i,
    readyPath: null,
    startTimeoutMs: 180_000,
  });
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const login = await fetch(`${demo.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'exec@demo.local', password: 'handover-exec' }),
    });
    const { token } = (await login.json()) as { token: string };
    const plans = (await (await fetch(`${demo.url}/api/v1/plans`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: Array<{ id: string }> };
    const planId = plans.items[0]!.id;
    const pages = { overview: `${demo.url}/plans/${planId}`, milestones: `${demo.url}/plans/${planId}/milestones` };
    const results: Record<string, Record<string, Run[]>> = {};
    for (const [pageName, url] of Object.entries(pages)) {
      for (const formFactor of ['desktop', 'mobile'] as const) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) {
          const flags = {
            port: chrome.port,
            output: 'json' as const,
            logLevel: 'error' as const,
            onlyCategories: [...CATEGORIES],
            // The executive's session, as the browser would send it (the session cookie).
            extraHeaders: { Cookie: `handover_session=${token}` },
          };
          // A run Lighthouse could not finish (a runtime error, e.g. no paint seen on a loaded machine) is run again, up to twice.
          let lhr;
          for (let attempt = 1; ; attempt++) {
            const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
            if (!result) throw new Error('Lighthouse returned nothing');
            lhr = result.lhr;
            if (!lhr.runtimeError || attempt === 3) break;
            process.stderr.write(`${pageName} ${formFactor}: ${lhr.runtimeError.code}, running again\n`);
          }
          const scripts = (lhr.audits['network-requests']?.details as { items?: Array<{ resourceType?: string; transferSize?: number }> } | undefined)?.items ?? [];
          runs.push({
            scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
            metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.numericValue ?? NaN])),
            scriptBytes: scripts.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + (r.transferSize ?? 0), 0),
            failing: (lhr.categories['best-practices']?.auditRefs ?? [])
              .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
              .map((ref) => ref.id),
          });
          process.stderr.write(`${pageName} ${formFactor} run ${i + 1}/${RUNS}: performance ${runs.at(-1)!.scores.performance}\n`);
        }
        (results[pageName] ??= {})[formFactor] = runs;
      }
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([pageName, byForm]) => [
        pageName,
        Object.fromEntries(
          Object.entries(byForm).map(([form, runs]) => [
            form,
            {
              scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]!))])),
              metrics: Object.fromEntries(METRICS.map((m) => [m, Math.round(median(runs.map((r) => r.metrics[m]!)) * 1000) / 1000])),
              scriptKbOnWire: Math.round(median(runs.map((r) => r.scriptBytes)) / 100) / 10,
              bestPracticesFailing: [...new Set(runs.flatMap((r) => r.failing))],
            },
          ]),
        ),
      ]),
    );
    console.log('\npage        form     perf  a11y  best  FCP ms  LCP ms  TBT ms  CLS    SI ms   TTI ms  JS kB');
    for (const [pageName, byForm] of Object.entries(summary)) {
      for (const [form, s] of Object.entries(byForm)) {
        const m = s.metrics;
        console.log(
          `${pageName.padEnd(11)} ${form.padEnd(8)} ${String(s.scores.performance).padStart(4)}  ${String(s.scores.accessibility).padStart(4)}  ${String(s.scores['best-practices']).padStart(4)}  ` +
            [m['first-contentful-paint'], m['largest-contentful-paint'], m['total-blocking-time']].map((v) => String(Math.round(v!)).padStart(6)).join('  ') +
            `  ${m['cumulative-layout-shift']!.toFixed(3)}  ${String(Math.round(m['speed-index']!)).padStart(6)}  ${String(Math.round(m.interactive!)).padStart(6)}  ${String(s.scriptKbOnWire).padStart(5)}`,
        );
      }
    }
    for (const [pageName, byForm] of Object.entries(summary))
      for (const [form, s] of Object.entries(byForm))
        if (s.bestPracticesFailing.length) console.log(`${pageName} ${form}: best practices lost on ${s.bestPracticesFailing.join(', ')}`);
    const out = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      lighthouse: '12.2.3',
      runs: RUNS,
      medians: summary,
      all: results,
    };
    fs.writeFileSync(path.join(ROOT, 'bench/web-results.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log('\nWritten to bench/web-results.json (medians of each page × form factor).');
  } finally {
    chrome.kill();
    await demo.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
