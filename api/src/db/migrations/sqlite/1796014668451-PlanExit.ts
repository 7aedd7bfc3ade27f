import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans gain `exited_at` (docs/domain.md#ending-the-agency). Added in place rather than by
 * rebuilding the table: a rebuild drops `plans`, which nearly every table references with
 * ON DELETE CASCADE.
 */
export class PlanExit1796014668451 implements MigrationInterface {
  name = 'PlanExit1796014668451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plans" ADD COLUMN "exited_at" varchar(30)');
    await queryRunner.query('ALTER TABLE "plans" ADD COLUMN "exit_override_reason" varchar(2000)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plans" DROP COLUMN "exit_override_reason"');
    await queryRunner.query('ALTER TABLE "plans" DROP COLUMN "exited_at"');
  }
}
