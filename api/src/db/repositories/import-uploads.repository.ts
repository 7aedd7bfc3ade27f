import { Between, LessThan } from 'typeorm';
import type { Db, Tx } from '../data-source';
import { ImportMappingEntity, ImportUploadChunkEntity, ImportUploadEntity } from '../entities/import-upload.entity';
import { PostEntity } from '../entities/post.entity';

// Uploads of mapped imports, their bytes, and the mappings saved per plan (docs/domain.md#mapped-imports).

export type UploadStatus = 'receiving' | 'open' | 'committing' | 'committed';

export type StoredUpload = {
  id: string;
  planId: string;
  userId: string;
  format: 'csv' | 'xlsx';
  bytes: number;
  status: UploadStatus;
  mapping: string | null;
  headerRow: number;
  summary: string;
  sheet: string | null;
  progress: number;
  result: string | null;
  runId: string | null;
  createdAt: string;
  expiresAt: string;
};

const toUpload = (e: ImportUploadEntity): StoredUpload => ({ ...e, format: e.format as StoredUpload['format'], status: e.status as UploadStatus });

export async function insertUpload(m: Tx, upload: StoredUpload): Promise<void> {
  await m.getRepository(ImportUploadEntity).insert(upload);
}

export async function findUpload(m: Tx, planId: string, id: string): Promise<StoredUpload | null> {
  const row = await m.getRepository(ImportUploadEntity).findOne({ where: { id, planId } });
  return row ? toUpload(row) : null;
}

/** Changes an upload only while it is in `from` (a commit and a discard racing: one wins). */
export async function updateUpload(m: Tx, id: string, from: UploadStatus[], patch: Partial<StoredUpload>): Promise<boolean> {
  const qb = m.createQueryBuilder().update(ImportUploadEntity).set(patch).where('id = :id', { id }).andWhere('status IN (:...from)', { from });
  return Boolean((await qb.execute()).affected);
}

export async function setUploadProgress(m: Tx, id: string, progress: number): Promise<void> {
  await m.getRepository(ImportUploadEntity).update({ id }, { progress });
}

export async function deleteUpload(m: Tx, id: string): Promise<boolean> {
  await m.getRepository(ImportUploadChunkEntity).delete({ uploadId: id });
  return Boolean((await m.getRepository(ImportUploadEntity).delete({ id })).affected);
}

export async function deleteUploadChunks(m: Tx, id: string): Promise<void> {
  await m.getRepository(ImportUploadChunkEntity).delete({ uploadId: id });
}

/** Bytes held by a plan's uploads that are not committed and not expired. */
export async function openUploadBytes(db: Db, m: Tx, planId: string, now: string): Promise<number> {
  const rows = await db.rows(
    m,
    `SELECT COALESCE(SUM(bytes), 0) FROM import_uploads WHERE plan_id = ${db.param(1)} AND status <> 'committed' AND expires_at > ${db.param(2)}`,
    [planId, now],
  );
  return Number(rows[0]?.[0] ?? 0);
}

/** Stores pieces of an upload, numbered from `firstSeq`. */
export async function insertChunks(m: Tx, uploadId: string, firstSeq: number, pieces: Buffer[]): Promise<void> {
  if (!pieces.length) return;
  await m.getRepository(ImportUploadChunkEntity).insert(pieces.map((p, i) => ({ uploadId, seq: firstSeq + i, data: p.toString('base64') })));
}

/** Up to `count` pieces of an upload's bytes from `firstSeq` on, in order; fewer past the last. */
export async function readChunks(m: Tx, uploadId: string, firstSeq: number, count: number): Promise<Buffer[]> {
  const rows = await m.getRepository(ImportUploadChunkEntity).find({
    where: { uploadId, seq: Between(firstSeq, firstSeq + count - 1) },
    order: { seq: 'ASC' },
  });
  return rows.map((r) => Buffer.from(r.data, 'base64'));
}

/** Uploads past their expiry that never committed (committed ones are kept, without bytes, so they can be undone). */
export async function expiredUploadIds(m: Tx, now: string): Promise<string[]> {
  const rows = await m.getRepository(ImportUploadEntity).find({ select: { id: true, status: true }, where: { expiresAt: LessThan(now) } });
  return rows.filter((r) => r.status !== 'committed' && r.status !== 'committing').map((r) => r.id);
}

/** Posts an import run brought, counted per day, channel and source (for the rollups when they go); by the indexed import id. */
export async function importPostCounts(db: Db, m: Tx, planId: string, runId: string): Promise<Array<[string, string, string, number]>> {
  const rows = await db.rows(
    m,
    `SELECT substr(published_at, 1, 10), channel, source, COUNT(*) FROM posts WHERE import_id = ${db.param(1)} AND plan_id = ${db.param(2)} GROUP BY 1, 2, 3`,
    [runId, planId],
  );
  return rows.map(([day, channel, source, n]) => [String(day), String(channel), String(source), Number(n)]);
}

export async function deleteImportPosts(m: Tx, planId: string, runId: string): Promise<number> {
  return (await m.getRepository(PostEntity).delete({ planId, importId: runId })).affected ?? 0;
}

export type StoredMapping = { id: string; planId: string; name: string; mapping: string; version: number; createdAt: string; updatedAt: string };

export async function findMapping(m: Tx, planId: string, name: string): Promise<StoredMapping | null> {
  return m.getRepository(ImportMappingEntity).findOne({ where: { planId, name } });
}

export async function insertMapping(m: Tx, mapping: StoredMapping): Promise<void> {
  await m.getRepository(ImportMappingEntity).insert(mapping);
}

/** Writes the mapping on condition that it is still at `version`; false when a racing edit got there first. */
export async function updateMappingIfVersion(m: Tx, next: StoredMapping, version: number): Promise<boolean> {
  const result = await m
    .getRepository(ImportMappingEntity)
    .update({ id: next.id, version }, { mapping: next.mapping, version: next.version, updatedAt: next.updatedAt });
  return Boolean(result.affected);
}
