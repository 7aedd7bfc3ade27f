import { HANDOVER_LADDER, addDays, mondayOf, type Plan } from '@handover/shared';
import { csvOf, milestoneInput } from '../../support/fixtures';
import { ApiClient, userWithRole } from './api';

export type Seeded = {
  admin: ApiClient;
  plan: Plan;
  lead: { email: string; password: string };
  executive: { email: string; password: string };
  agency: { email: string; password: string };
};

const today = () => new Date().toISOString().slice(0, 10);

/** A small plan with something in every chart: milestones, people and skills, handovers, posts, adoption. */
export async function seedPlan(baseUrl: string, name = 'E2E plan'): Promise<Seeded> {
  const admin = await ApiClient.signIn(baseUrl);
  const now = today();
  const start = mondayOf(addDays(now, -70));
  const plan = await admin.createPlan({ name, startDate: start, targetExitDate: addDays(now, 90), contractEndDate: addDays(now, 150) });
  const [lead, executive, agency] = [
    await userWithRole(admin, plan.id, 'lead'),
    await userWithRole(admin, plan.id, 'executive'),
    await userWithRole(admin, plan.id, 'agency'),
  ];
  const p = `/plans/${plan.id}`;

  const first = await admin.createMilestone(plan.id, milestoneInput({ title: 'Launch the staff chat', dueDate: addDays(now, -20), status: 'done' }));
  await admin.createMilestone(plan.id, milestoneInput({ title: 'Train the editors', phase: 'outward_presence', dueDate: addDays(now, -5), status: 'in_progress', dependsOn: [first.id] }));
  await admin.createMilestone(plan.id, milestoneInput({ title: 'Give notice to the agency', phase: 'agency_exit', dueDate: addDays(now, 60), weight: 3 }));

  const people = [];
  for (const name of ['Ana Lopez', 'Ben Okoro', 'Chen Wei']) people.push(await admin.call<{ id: string }>('POST', `${p}/people`, { name, title: 'Editor' }));
  const skills = [];
  for (const [name, critical] of [
    ['Copywriting', false],
    ['Crisis response', true],
  ] as const)
    skills.push(await admin.call<{ id: string }>('POST', `${p}/skills`, { name, requiredLevel: 3, requiredPeople: 2, critical }));
  for (const [i, person] of people.entries())
    for (const [j, skill] of skills.entries()) await admin.call('POST', `${p}/assessments`, { personId: person.id, skillId: skill.id, level: (i + j * 2) % 5 });

  for (const [i, title] of ['Instagram replies', 'Weekly newsletter', 'LinkedIn posts'].entries()) {
    const h = await admin.call<{ id: string }>('POST', `${p}/handovers`, { title, channel: 'instagram' });
    for (const to of HANDOVER_LADDER.slice(1, 1 + i * 2)) await admin.call('POST', `${p}/handovers/${h.id}/transitions`, { to });
  }

  // Ten weeks of posts drifting from the agency to the team.
  const rows: string[] = [];
  for (let w = 0; w < 10; w++) {
    const monday = addDays(start, w * 7);
    for (let k = 0; k < 10; k++) {
      const source = k < w ? 'in_house' : k === w ? 'co_authored' : 'agency';
      rows.push(`instagram,${addDays(monday, k % 5)}T${String(9 + (k % 8)).padStart(2, '0')}:00:00Z,${source},seed-${w}-${k},`);
    }
  }
  const res = await fetch(`${baseUrl}/api/v1${p}/posts/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${admin.token}` },
    body: csvOf(rows),
  });
  if (!res.ok) throw new Error(`seed import → ${res.status} ${await res.text()}`);

  for (let w = 0; w < 10; w++) await admin.call('POST', `${p}/adoption`, { weekStart: addDays(start, w * 7), activeUsers: 20 + w * 5, totalStaff: 100 });

  return { admin, plan, lead, executive, agency };
}
