import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handovers gain an optional target date. Added in place rather than by rebuilding the table: a
 * rebuild drops `handovers`, which its transitions reference with ON DELETE CASCADE.
 */
export class HandoverTargetDate1795981366843 implements MigrationInterface {
  name = 'HandoverTargetDate1795981366843';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "handovers" ADD COLUMN "target_date" varchar(10)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "handovers" DROP COLUMN "target_date"');
  }
}
