import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn } from '../columns';

/**
 * The generation of a shared cache scope (a plan's id): how many committed writes changed what the
 * caches of several processes hold for it. Bumped inside those writes on PostgreSQL and read with
 * the caller's role, so no process serves an answer older than an acknowledged write
 * (docs/performance.md#caches-across-processes). Unused on SQLite, where one process owns the file.
 */
@Entity('cache_generations')
export class CacheGenerationEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 }) scope!: string;
  @IntColumn() generation!: number;
}
