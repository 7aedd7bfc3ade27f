import type { Matrix } from '@handover/shared';
import { useMemo, type ReactNode } from 'react';
import { ScrollRegion } from '../ui/scroll-region';

type Skill = Matrix['skills'][number];

export type MatrixRow = {
  personId: string;
  name: string;
  title: string | null;
  /** The current level per skill id (0 where never assessed). */
  levels: Record<string, number>;
};

/** The matrix as rows of people with a level per skill id. */
export function matrixRows(matrix: Matrix): MatrixRow[] {
  const cells = new Map(matrix.cells.map((c) => [`${c.personId}:${c.skillId}`, c.level]));
  return matrix.people.map((p) => ({
    personId: p.id,
    name: p.name,
    title: p.title,
    levels: Object.fromEntries(matrix.skills.map((s) => [s.id, cells.get(`${p.id}:${s.id}`) ?? 0])),
  }));
}

/**
 * People by skills, each cell shaded by level; a dashed outline marks a level below what the skill
 * needs. A table, so it reads the same without colour; `cell` draws a cell's content (the level).
 */
export function HeatMap({
  matrix,
  label,
  caption,
  skillNote,
  personNote,
  cell = (_row, _skill, level) => level,
  drawn,
  rows: shaped,
}: {
  matrix: Matrix;
  label: string;
  caption: string;
  skillNote?: (skill: Skill) => ReactNode;
  personNote?: (row: MatrixRow) => ReactNode;
  cell?: (row: MatrixRow, skill: Skill, level: number) => ReactNode;
  /** Marks the overview's copy as a drawn chart. */
  drawn?: boolean;
  /** The matrix already shaped by matrixRows, when the caller has it (it is not shaped twice). */
  rows?: MatrixRow[];
}) {
  const rows = useMemo(() => shaped ?? matrixRows(matrix), [shaped, matrix]);
  return (
    <ScrollRegion label={label} className="heatmap" data-chart={drawn ? 'drawn' : undefined}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {matrix.skills.map((s) => (
              <th key={s.id} scope="col">
                {s.name}
                {s.critical ? <div className="small heatmap__critical">critical</div> : null}
                {skillNote?.(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personId}>
              <th scope="row">
                {r.name}
                {personNote?.(r)}
              </th>
              {matrix.skills.map((s) => {
                const level = r.levels[s.id] ?? 0;
                return (
                  <td key={s.id} className={`heat heat-${level} ${level < s.requiredLevel ? 'heat--below' : ''}`}>
                    {cell(r, s, level)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
