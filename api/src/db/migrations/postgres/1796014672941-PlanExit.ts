import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanExit1796014672941 implements MigrationInterface {
  name = 'PlanExit1796014672941';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"exited_at\" character varying(30)");
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"exit_override_reason\" character varying(2000)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"exit_override_reason\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"exited_at\"");
  }
}
