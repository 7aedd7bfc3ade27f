import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HANDOVER_LADDER, addDays } from '@handover/shared';
import type { Express } from 'express';
import { CHANNELS, DEMO_USERS, HANDOVERS, MILESTONES, PEOPLE, SKILLS, WEEKS, planDates, prng } from './demo/story';
import { fail, runServer } from './server';

/**
 * `npm run demo`: a fresh ./data/demo.db holding a six-month transition, seeded through the public
 * API exactly as users would, then the normal server on it.
 */
const DEMO_DB = path.resolve(process.cwd(), 'data/demo.db');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the demo reads back ids from many response shapes
type Call = (method: string, url: string, body?: unknown, contentType?: string) => Promise<any>;

function client(base: string, token?: string): Call {
  return async (method, url, body, contentType = 'application/json') => {
    const res = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as string),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

async function seed(app: Express): Promise<void> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await seedThrough(base);
  } finally {
    server.close();
  }
}

async function seedThrough(base: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const random = prng(20260302);
  const login = async (email: string, password: string) =>
    client(base, (await client(base)('POST', '/auth/login', { email, password })).token);
  const admin = await login(DEMO_USERS[0].email, DEMO_USERS[0].password);
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS.slice(1)) {
    ids[u.role] = (await admin('POST', '/users', { email: u.email, name: u.name, password: u.password })).id;
  }
  const dates = planDates(today);
  const plan = await admin('POST', '/plans', {
    name: 'Taking our voice back',
    brand: 'Northwind Coffee',
    agencyName: 'Brightside Social',
    startDate: dates.start,
    targetExitDate: dates.targetExit,
    contractEndDate: dates.contractEnd,
    leads: [ids.lead],
  });
  const p = `/plans/${plan.id}`;
  await admin('PUT', `${p}/members/${ids.executive}`, { role: 'executive' });
  await admin('PUT', `${p}/members/${ids.agency}`, { role: 'agency' });
  const lead = await login(DEMO_USERS[1].email, DEMO_USERS[1].password);
  const agency = await login(DEMO_USERS[3].email, DEMO_USERS[3].password);

  // Milestones, dependencies first-come; `done` only once what they depend on is done.
  const milestoneIds = new Map<string, string>();
  for (const m of MILESTONES) {
    const created = await lead('POST', `${p}/milestones`, {
      title: m.title,
      phase: m.phase,
      dueDate: addDays(dates.start, 7 * m.week + 3),
      weight: m.weight,
      status: m.status,
      owner: m.owner,
      dependsOn: (m.after ?? []).map((t) => milestoneIds.get(t)!),
    });
    milestoneIds.set(m.title, created.id);
  }

  // People and skills, with assessments climbing over the months to today's levels.
  const people = [];
  for (const person of PEOPLE) people.push(await lead('POST', `${p}/people`, person));
  for (const s of SKILLS) {
    const skill = await lead('POST', `${p}/skills`, {
      name: s.name,
      category: s.category,
      requiredLevel: s.requiredLevel,
      requiredPeople: s.requiredPeople,
      critical: s.critical,
    });
    for (const [i, finalLevel] of s.levels.entries()) {
      const steps = Math.max(1, Math.min(3, finalLevel));
      for (let k = 0; k < steps; k++) {
        const level = finalLevel === 0 ? 0 : Math.max(1, finalLevel - (steps - 1 - k));
        const week = Math.round(((k + 1) / steps) * (WEEKS - 2));
        await lead('POST', `${p}/assessments`, {
          personId: people[i].id,
          skillId: skill.id,
          level,
          assessedAt: `${addDays(dates.start, 7 * week + 2)}T09:00:00Z`,
        });
      }
    }
  }

  // Handovers at every step of the ladder: agency staff move them up to in_house, the lead accepts.
  for (const h of HANDOVERS) {
    const created = await agency('POST', `${p}/handovers`, { title: h.title, channel: h.channel ?? undefined });
    for (let step = 1; step <= h.steps; step++) {
      const to = HANDOVER_LADDER[step]!;
      const actor = to === 'accepted' ? lead : agency;
      await actor('POST', `${p}/handovers/${created.id}/transitions`, {
        to,
        note: to === 'accepted' ? 'Checked over two weeks: ours now.' : `Moved to ${to.replace('_', ' ')}.`,
      });
    }
  }

  // Internal adoption rising week by week.
  for (let w = 0; w < WEEKS; w++) {
    const share = Math.min(0.72, 0.14 + 0.55 * (w / (WEEKS - 1)) + (random() - 0.5) * 0.04);
    await lead('POST', `${p}/adoption`, {
      weekStart: addDays(dates.start, 7 * w),
      totalStaff: 240,
      activeUsers: Math.round(240 * share),
      source: 'chat platform analytics',
    });
  }

  // Several thousand posts drifting from the agency to the in-house team.
  const rows = ['channel,published_at,source,external_id,author'];
  let n = 0;
  for (let day = dates.start; day < today; day = addDays(day, 1)) {
    const week = Math.floor((Date.parse(day) - Date.parse(dates.start)) / (7 * 86_400_000));
    const inHouse = 0.04 + 0.76 * (week / (WEEKS - 1)) ** 1.2;
    const coAuthored = Math.max(0.04, 0.18 - 0.1 * (week / WEEKS));
    const perDay = 28 + Math.floor(random() * 14);
    for (let k = 0; k < perDay; k++) {
      const r = random();
      const source = r < inHouse ? 'in_house' : r < inHouse + coAuthored ? 'co_authored' : 'agency';
      const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
      const at = `${day}T${String(7 + Math.floor(random() * 13)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
      const author = source === 'agency' ? 'Brightside Social' : PEOPLE[Math.floor(random() * PEOPLE.length)]!.name;
      rows.push(`${channel},${at},${source},${channel}-${++n},${author}`);
    }
  }
  const imported = await lead('POST', `${p}/posts/import`, rows.join('\n') + '\n', 'text/csv');

  console.log(`\nDemo plan "${plan.name}" seeded: ${MILESTONES.length} milestones, ${PEOPLE.length} people, ${SKILLS.length} skills, ${HANDOVERS.length} handovers, ${WEEKS} weeks of adoption, ${imported.inserted} posts.`);
  console.log('\nDemo accounts (email / password):');
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(20)} ${u.password}`);
  console.log('');
}

function resetDemoDatabase(): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${DEMO_DB}${suffix}`, { force: true });
}

runServer({
  configure: (config) => {
    resetDemoDatabase();
    return {
      ...config,
      database: { dialect: 'sqlite', path: DEMO_DB },
      adminEmail: DEMO_USERS[0].email,
      adminPassword: DEMO_USERS[0].password,
    };
  },
  beforeListen: async ({ app }) => seed(app),
}).catch(fail);
