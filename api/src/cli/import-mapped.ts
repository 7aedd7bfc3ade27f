import fs from 'node:fs';
import path from 'node:path';
import { ImportMappingRequestSchema, type ImportMappingRequest, type ImportPreview } from '@handover/shared';
import { AppError } from '../core/app-error';
import type { PlanCtx } from '../core/context';
import type { Services } from '../modules/services';

// The CLI's mapped import (docs/domain.md#mapped-imports): the API's steps, called in process.

export type MappedArgs = { preset?: string; mapping?: string; timeZone?: string; defaultSide?: string };

const n = (v: number) => v.toLocaleString('en');

/** The preview as the CLI prints it: counts, sides, the first errors and the unknown values. */
export function formatPreview(p: ImportPreview): string {
  const lines = [
    `Preview: ${n(p.rows)} rows, ${n(p.valid)} valid, ${n(p.skipped)} skipped (no date), ${n(p.errorCount)} with errors, ${n(p.duplicates)} duplicates in the file`,
    `  agency ${n(p.bySide.agency)}, in-house ${n(p.bySide.inHouse)}, co-authored ${n(p.bySide.coAuthored)}, unclassified ${n(p.bySide.unclassified)}`,
  ];
  for (const e of p.errors.slice(0, 20)) lines.push(`  line ${e.line}: ${e.message}`);
  if (p.unknownAuthors.length) lines.push(`  unknown authors: ${p.unknownAuthors.slice(0, 10).map((u) => `${u.value} (${u.rows})`).join(', ')}`);
  if (p.unknownChannels.length) lines.push(`  unknown accounts/channels: ${p.unknownChannels.slice(0, 10).map((u) => `${u.value} (${u.rows})`).join(', ')}`);
  return lines.join('\n');
}

function printRefusal(error: AppError) {
  console.error(`Import refused (${error.status} ${error.title}): ${error.detail ?? ''}`);
  for (const e of error.errors ?? []) console.error(`  ${e.line !== undefined ? `line ${e.line}` : (e.path ?? '')}: ${e.message}`);
}

/** Upload, map, preview, then commit (or discard on a dry run). Exit codes as the plain import's. */
export async function runMapped(
  services: Services,
  ctx: PlanCtx,
  args: MappedArgs & { file: string; dryRun: boolean; planName: string },
): Promise<number> {
  const format = path.extname(args.file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const size = fs.statSync(args.file).size;
  let uploadId: string | null = null;
  try {
    const upload = await services.imports.upload(ctx, fs.createReadStream(args.file), format, size);
    uploadId = upload.id;
    let request: Partial<ImportMappingRequest>;
    if (args.mapping) request = (await services.importMappings.get(ctx, args.mapping)).mapping;
    else if (args.preset) request = { preset: args.preset as ImportMappingRequest['preset'] };
    else if (upload.suggestedPreset) request = { preset: upload.suggestedPreset };
    else {
      console.error(`error: the file matches no preset (its columns: ${upload.columns.join(', ')}); give --preset or --mapping`);
      return 2;
    }
    const parsed = ImportMappingRequestSchema.safeParse({
      ...request,
      ...(args.timeZone ? { timeZone: args.timeZone } : {}),
      ...(args.defaultSide ? { defaultSide: args.defaultSide } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`error: ${issue.path.join('.') || 'mapping'}: ${issue.message}`);
      return 2;
    }
    console.error(`Mapping ${args.file} (${parsed.data.preset ?? 'saved columns'}) for "${args.planName}" ...`);
    const preview = await services.imports.setMapping(ctx, upload.id, parsed.data);
    console.log(formatPreview(preview));
    if (args.dryRun) {
      console.log('Dry run: nothing was stored.');
      return 0;
    }
    services.imports.commitWaitMs = Number.POSITIVE_INFINITY;
    const outcome = await services.imports.commit(ctx, upload.id);
    if (!('done' in outcome)) throw new Error('the commit did not finish');
    uploadId = null; // committed: kept, so it can be undone (DELETE .../imports/:id)
    console.log(`Imported into "${args.planName}" (import ${upload.id}): ${n(outcome.done.inserted)} inserted, ${n(outcome.done.duplicates)} duplicates skipped.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    printRefusal(error);
    return 1;
  } finally {
    if (uploadId) await services.imports.discard(ctx, uploadId).catch(() => undefined);
  }
}
