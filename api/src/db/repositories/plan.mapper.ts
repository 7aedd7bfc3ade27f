import type { Plan } from '@handover/shared';
import type { PlanEntity } from '../entities/plan.entity';

export const toPlan = (p: PlanEntity): Plan => ({
  id: p.id,
  name: p.name,
  brand: p.brand,
  agencyName: p.agencyName,
  startDate: p.startDate,
  targetExitDate: p.targetExitDate,
  contractEndDate: p.contractEndDate,
  targets: {
    inHouseShare: Number(p.targetInHouseShare),
    sustainWeeks: Number(p.targetSustainWeeks),
    internalAdoption: Number(p.targetInternalAdoption),
  },
  exitedAt: p.exitedAt ?? null,
  exitOverrideReason: p.exitOverrideReason ?? null,
  version: Number(p.version),
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
