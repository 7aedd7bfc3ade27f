import { conflict, unprocessable, type FieldError } from '../../core/app-error';
import type { Tx } from '../../db/data-source';
import { dependencyEdges, milestonesAmong } from '../../db/repositories/milestones.repository';

type Dependency = { id: string; title: string; status: string };

/** Every id must be a milestone of this plan; an id from another plan is as unknown as a made-up one. */
export async function loadDependencies(m: Tx, planId: string, ids: string[]): Promise<Dependency[]> {
  const found = await milestonesAmong(m, planId, ids);
  const known = new Set(found.map((f) => f.id));
  const errors: FieldError[] = ids.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `dependsOn.${i}`, message: 'no such milestone in this plan' }],
  );
  if (errors.length) throw unprocessable(errors, 'A dependency does not exist in this plan.');
  return found;
}

/** A milestone is done only when everything it depends on is. */
export function assertDependenciesDone(deps: Dependency[]): void {
  const open = deps.filter((d) => d.status !== 'done');
  if (open.length) {
    throw conflict(
      `Cannot be done yet: it depends on ${open.map((d) => `“${d.title}”`).join(' and ')}, which ${open.length === 1 ? 'is' : 'are'} not done.`,
      'unmet-dependency',
    );
  }
}

/** Refuse an edge set that would let `id` reach itself. */
export async function assertNoCycle(m: Tx, planId: string, id: string, dependsOn: string[]): Promise<void> {
  const selfIndex = dependsOn.indexOf(id);
  if (selfIndex >= 0) {
    throw unprocessable([{ path: `dependsOn.${selfIndex}`, message: 'a milestone cannot depend on itself' }], 'Dependency cycle.');
  }
  const graph = new Map<string, string[]>();
  for (const [from, to] of await dependencyEdges(m, planId)) {
    if (from === id) continue; // replaced by the new set
    graph.set(from, [...(graph.get(from) ?? []), to]);
  }
  graph.set(id, dependsOn);
  dependsOn.forEach((start, index) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const node = stack.pop()!;
      if (node === id) {
        throw unprocessable([{ path: `dependsOn.${index}`, message: 'would create a dependency cycle' }], 'Dependency cycle.');
      }
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...(graph.get(node) ?? []));
    }
  });
}
