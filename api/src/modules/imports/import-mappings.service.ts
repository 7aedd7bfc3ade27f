import { ImportMappingRequestSchema, type ImportMappingRequest, type SavedImportMapping } from '@handover/shared';
import { notFound } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { isUniqueViolation } from '../../db/data-source';
import { findMapping, insertMapping, updateMappingIfVersion, type StoredMapping } from '../../db/repositories/import-uploads.repository';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';
import { preconditionFailed } from '../../core/app-error';

const toSaved = (s: StoredMapping): SavedImportMapping => ({
  name: s.name,
  mapping: ImportMappingRequestSchema.parse(JSON.parse(s.mapping)),
  version: s.version,
  updatedAt: s.updatedAt,
});

/** Mappings saved per plan under a name, for exports that come back every month (docs/domain.md#mapped-imports). */
export class ImportMappingsService extends ResourceService {
  async get(ctx: PlanCtx, name: string): Promise<SavedImportMapping> {
    const found = await this.deps.db.read((m) => findMapping(m, ctx.planId, name));
    if (!found) throw notFound('saved mapping');
    return toSaved(found);
  }

  /**
   * Creates or replaces the mapping of that name; `If-Match` (optional) guards a replacement
   * against a concurrent edit, and a create racing another create of the same name gets 412.
   */
  async put(ctx: PlanCtx, name: string, mapping: ImportMappingRequest, ifMatch: number | undefined): Promise<{ saved: SavedImportMapping; created: boolean }> {
    const now = this.deps.clock.now().toISOString();
    try {
      return await this.write(ctx, async (m) => {
        const current = await findMapping(m, ctx.planId, name);
        if (!current) {
          if (ifMatch !== undefined) throw notFound('saved mapping');
          const created: StoredMapping = { id: newId(), planId: ctx.planId, name, mapping: JSON.stringify(mapping), version: 1, createdAt: now, updatedAt: now };
          await insertMapping(m, created);
          await this.activity.log(m, ctx, 'create', 'import_mapping', created.id, { name, mapping });
          return { saved: toSaved(created), created: true };
        }
        assertVersion(current, ifMatch);
        const next = { ...current, mapping: JSON.stringify(mapping), version: current.version + 1, updatedAt: now };
        await writeIfVersion(next, current.version, (n, v) => updateMappingIfVersion(m, n, v), async () => (await findMapping(m, ctx.planId, name)) ?? current);
        await this.activity.log(m, ctx, 'update', 'import_mapping', current.id, { name, mapping });
        return { saved: toSaved(next), created: false };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw preconditionFailed(1);
      throw error;
    }
  }
}
