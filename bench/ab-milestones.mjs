// node bench/ab-milestones.mjs <before-checkout> <after-checkout> [rounds] [seconds]
// Two builds of Handover side by side: GET /milestones (50 items, signed in) on each, alternating
// rounds of autocannon (50 connections), medians and the median per-round ratio. Both checkouts must
// be built (npm run build). A benchmark for comparing two commits, not a test.
/* global process, console, fetch, setTimeout */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
const ADMIN = { email: 'bench@example.com', password: 'bench-password-123' };
const [beforeDir, afterDir] = process.argv.slice(2, 4).map((d) => path.resolve(d));
if (!beforeDir || !afterDir) throw new Error('usage: node bench/ab-milestones.mjs <before-checkout> <after-checkout> [rounds] [seconds]');
const sides = { before: beforeDir, after: afterDir };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-ab-'));
const rounds = Number(process.argv[4] ?? 8), secs = Number(process.argv[5] ?? 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function call(url, method, path, token, json) {
  const res = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: json ? JSON.stringify(json) : undefined });
  if (!res.ok) throw new Error(`${method} ${path} ${res.status} ${await res.text()}`);
  return res.json();
}
async function start(name, dir, port) {
  const db = path.join(tmp, `${name}.db`);
  const child = spawn('node', [`${dir}/api/dist/main.js`], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${db}`, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) { try { await fetch(url + '/api/v1/health'); break; } catch { await sleep(200); } }
  const { token } = await call(url, 'POST', '/api/v1/auth/login', null, ADMIN);
  const plan = await call(url, 'POST', '/api/v1/plans', token, { name, brand: 'Bench', agencyName: 'Agency', startDate: '2024-01-01', targetExitDate: '2027-01-04' });
  const ids = [];
  for (let i = 0; i < 50; i++) {
    const dependsOn = ids.length && i % 3 === 0 ? [ids[ids.length - 1]] : [];
    const m = await call(url, 'POST', `/api/v1/plans/${plan.id}/milestones`, token, { title: `Milestone ${String(i).padStart(2, '0')}`, description: 'Roll out the internal network to the next department and train its champions.', phase: ['internal_network', 'outward_presence', 'agency_exit'][i % 3], dueDate: new Date(Date.UTC(2026, 0, 5 + i * 3)).toISOString().slice(0, 10), weight: 1 + (i % 5), dependsOn });
    ids.push(m.id);
  }
  return { child, url: `${url}/api/v1/plans/${plan.id}/milestones?limit=50`, token };
}
const s = { before: await start('before', sides.before, 4711), after: await start('after', sides.after, 4712) };
const res = { before: [], after: [] };
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 ? ['after', 'before'] : ['before', 'after']) {
    const out = await autocannon({ url: s[name].url, connections: 50, duration: secs, headers: { authorization: `Bearer ${s[name].token}` } });
    if (out.non2xx || out.errors) throw new Error(`${name}: non2xx ${out.non2xx} errors ${out.errors}`);
    res[name].push(out.requests.average);
    console.log(`round ${r + 1} ${name}: ${Math.round(out.requests.average)} req/s, p50 ${out.latency.p50} ms, p99 ${out.latency.p99} ms`);
  }
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); const m = b.length >> 1; return b.length % 2 ? b[m] : (b[m - 1] + b[m]) / 2; };
const ratios = res.before.map((b, i) => res.after[i] / b);
console.log(`median before ${Math.round(med(res.before))} req/s, after ${Math.round(med(res.after))} req/s, median per-round after/before ${med(ratios).toFixed(2)}x`);
for (const x of Object.values(s)) x.child.kill("SIGTERM");
fs.rmSync(tmp, { recursive: true, force: true });
