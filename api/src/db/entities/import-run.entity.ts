import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/**
 * A post import that has not committed yet: its rows are in `posts` with this id as their
 * `import_id` and every read leaves them out until the row here is deleted by the final commit.
 * At most one per plan (the unique plan id is the import lock, docs/domain.md#imports); `holder`
 * and `heartbeat_at` tell a live importer from a dead one, whose leftovers are then removed.
 */
@Entity('import_runs')
@Index('uq_import_runs_plan', ['planId'], { unique: true })
export class ImportRunEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @RefColumn() userId!: string;
  @BoolColumn() dryRun!: boolean;
  /** `host:pid:boot` of the process that runs it. */
  @TextColumn(200) holder!: string;
  @InstantColumn() startedAt!: string;
  @InstantColumn() heartbeatAt!: string;
}
