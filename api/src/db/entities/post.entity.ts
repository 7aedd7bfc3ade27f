import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/** The ledger of published posts. Ids are UUIDv7 so bulk imports append to the primary key. */
@Entity('posts')
@Index('uq_posts_plan_channel_external', ['planId', 'channel', 'externalId'], { unique: true })
@Index('idx_posts_plan_published', ['planId', 'publishedAt'])
@Index('idx_posts_import', ['importId'])
@Index('idx_posts_plan_permalink', ['planId', 'permalink'])
@Index('idx_posts_roster_entry', ['rosterEntryId'])
export class PostEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(50) channel!: string;
  @InstantColumn() publishedAt!: string;
  @TextColumn(20) source!: string;
  @TextColumn(200, { nullable: true }) externalId!: string | null;
  @TextColumn(200, { nullable: true }) author!: string | null;
  @InstantColumn() createdAt!: string;
  /** The import that brought the post (null when recorded one by one); hidden while that import runs. */
  @RefColumn({ nullable: true }) importId!: string | null;
  /** The page id, `@handle` or account name the post was published from (docs/domain.md#ingest). */
  @TextColumn(200, { nullable: true }) account!: string | null;
  /** Normalised permalink: the second duplicate key after `(channel, externalId)`. */
  @TextColumn(500, { nullable: true }) permalink!: string | null;
  /** Who pressed publish when it was not the author (scheduler tools); with `author`, makes `co_authored`. */
  @TextColumn(200, { nullable: true }) publisher!: string | null;
  /** How `source` was decided: `source` (given), `roster` (an entry matched), `default` (the file's default side). */
  @TextColumn(10, { default: 'source' }) classifiedBy!: string;
  /** The roster entry that decided the side, when `classifiedBy` is `roster`. */
  @RefColumn({ nullable: true }) rosterEntryId!: string | null;
  /** What brought the post: `manual`, `import:<id>`, `batch`, `receiver:<secret id>`. */
  @TextColumn(100, { nullable: true }) origin!: string | null;
}

/**
 * Posts counted per plan, UTC day, channel and source, maintained in the same transaction as every
 * insert, import and delete, so share and summary read a few hundred rows instead of the ledger.
 */
@Entity('post_daily_counts')
export class PostDailyCountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 50 }) channel!: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) source!: string;
  @IntColumn() count!: number;
}


/**
 * The same counts per plan, ISO week (its Monday), channel and source, kept beside the daily rows
 * in the same transaction: a year of weekly share reads at most 52 x channels x 3 rows, however
 * dense the ledger is.
 */
@Entity('post_weekly_counts')
export class PostWeeklyCountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @PrimaryColumn({ type: 'varchar', length: 10 }) week!: string;
  @PrimaryColumn({ type: 'varchar', length: 50 }) channel!: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) source!: string;
  @IntColumn() count!: number;
}
