import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/**
 * A file uploaded for a mapped import (docs/domain.md#mapped-imports). Kept in the database, not on
 * one process's disk, since several API processes may serve one plan; its bytes are in
 * `import_upload_chunks`. `status` is `open` (mapping and preview), `committing`, `committed`
 * (chunks gone, the row kept so the import can be undone) or `failed` (the commit's problem in
 * `result`). Open uploads expire at `expires_at`.
 */
@Entity('import_uploads')
@Index('idx_import_uploads_plan', ['planId', 'createdAt'])
@Index('idx_import_uploads_expires', ['expiresAt'])
export class ImportUploadEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @RefColumn() userId!: string;
  @TextColumn(10) format!: string;
  @IntColumn() bytes!: number;
  @TextColumn(12) status!: string;
  /** The mapping last set (an ImportMapping as JSON), with the header row and sheet it applies to. */
  @LongTextColumn({ nullable: true }) mapping!: string | null;
  @IntColumn() headerRow!: number;
  /** What the upload answered (columns, sample rows, sheets, suggested preset) as JSON, for GET. */
  @LongTextColumn() summary!: string;
  @TextColumn(31, { nullable: true }) sheet!: string | null;
  /** Data rows read so far by a running commit. */
  @IntColumn({ default: 0 }) progress!: number;
  /** The commit's outcome as JSON: `{inserted, duplicates}` or a problem. */
  @LongTextColumn({ nullable: true }) result!: string | null;
  /** The import run (posts.import_id) of the commit, while and after it runs. */
  @RefColumn({ nullable: true }) runId!: string | null;
  @InstantColumn() createdAt!: string;
  @InstantColumn() expiresAt!: string;
}

/** The bytes of an upload, base64 in pieces of 64 KiB (text works alike on both dialects). */
@Entity('import_upload_chunks')
export class ImportUploadChunkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) uploadId!: string;
  @ManyToOne(() => ImportUploadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id' })
  upload?: ImportUploadEntity;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @LongTextColumn() data!: string;
}

/** A mapping saved under a name for a plan's recurring exports; versioned (ETag/If-Match). */
@Entity('import_mappings')
@Index('uq_import_mappings_plan_name', ['planId', 'name'], { unique: true })
export class ImportMappingEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(60) name!: string;
  /** The `PUT .../mapping` body it stands for, as JSON. */
  @LongTextColumn() mapping!: string;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
