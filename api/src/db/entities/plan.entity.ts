import { Entity } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, IntColumn, RealColumn, TextColumn } from '../columns';

@Entity('plans')
export class PlanEntity {
  @IdColumn() id!: string;
  @TextColumn(200) name!: string;
  @TextColumn(200) brand!: string;
  @TextColumn(200) agencyName!: string;
  @DateColumn() startDate!: string;
  @DateColumn() targetExitDate!: string;
  @DateColumn({ nullable: true }) contractEndDate!: string | null;
  @RealColumn() targetInHouseShare!: number;
  @IntColumn() targetSustainWeeks!: number;
  @RealColumn() targetInternalAdoption!: number;
  /** docs/domain.md#ending-the-agency: when the agency was ended; null until then. */
  @InstantColumn({ nullable: true }) exitedAt!: string | null;
  /** The reason a lead gave for ending the agency with gates still open; null otherwise. */
  @TextColumn(2000, { nullable: true }) exitOverrideReason!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
