import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HandoverTargetDate1795981367178 implements MigrationInterface {
  name = 'HandoverTargetDate1795981367178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"handovers\" ADD \"target_date\" character varying(10)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"handovers\" DROP COLUMN \"target_date\"");
  }
}
