import type { Matrix } from '@handover/shared';

export type MatrixRow = {
  personId: string;
  name: string;
  title: string | null;
  levels: Record<string, number>;
};

/** The matrix as rows of people with a level per skill id (0 where never assessed). */
export function matrixRows(matrix: Matrix): MatrixRow[] {
  const cells = new Map(matrix.cells.map((c) => [`${c.personId}:${c.skillId}`, c.level]));
  return matrix.people.map((p) => ({
    personId: p.id,
    name: p.name,
    title: p.title,
    levels: Object.fromEntries(matrix.skills.map((s) => [s.id, cells.get(`${p.id}:${s.id}`) ?? 0])),
  }));
}
