import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { settableClock } from './demo/clock';
import { firstMorning, seedDemo, type DemoResult } from './demo/seed';
import { DEMO_USERS, WEEKS } from './demo/story';
import { verdictLine } from './demo/verdict';
import { fail, runServer } from './server';

/**
 * `npm run demo`: a fresh ./data/demo.db holding a six-month transition, seeded through the public
 * API exactly as users would, each step at its own moment in the past, then the normal server on it
 * in real time.
 */
const DEMO_DB = path.resolve(process.cwd(), 'data/demo.db');

function resetDemoDatabase(): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${DEMO_DB}${suffix}`, { force: true });
}

function report({ plan, counts, summary }: DemoResult, seconds: number): void {
  console.log(
    `\nDemo plan "${plan.name}" seeded in ${seconds.toFixed(1)} s: ${counts.milestones} milestones, ${counts.people} people, ${counts.skills} skills, ` +
      `${counts.handovers} handovers, ${counts.exitItems} exit items, ${counts.ktSessions} knowledge-transfer sessions, ${WEEKS} weeks of adoption, ${counts.posts} posts, ${counts.snapshots} weekly snapshots, told week by week since ${plan.startDate}.`,
  );
  console.log(`Can the agency go? ${verdictLine(summary)}`);
  console.log('\nDemo accounts (email / password):');
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(20)} ${u.password}`);
  console.log('');
}

const clock = settableClock(firstMorning(new Date().toISOString().slice(0, 10)));

runServer({
  clock,
  configure: (config) => {
    resetDemoDatabase();
    return {
      ...config,
      database: { dialect: 'sqlite', path: DEMO_DB },
      adminEmail: DEMO_USERS[0].email,
      adminPassword: DEMO_USERS[0].password,
    };
  },
  beforeListen: async ({ app, services }) => {
    const started = Date.now();
    const result = await seedDemo(app, clock, services.webhookDispatcher);
    report(result, (Date.now() - started) / 1000);
  },
}).catch(fail);
