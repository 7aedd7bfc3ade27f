import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportRuns1795988592798 implements MigrationInterface {
  name = 'ImportRuns1795988592798';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"import_runs\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"dry_run\" boolean NOT NULL, \"holder\" character varying(200) NOT NULL, \"started_at\" character varying(30) NOT NULL, \"heartbeat_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_2f4f95d6fde4a7602f6b79f10e8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_runs_plan\" ON \"import_runs\"  (\"plan_id\") ");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"import_id\" character varying(36)");
    await queryRunner.query("CREATE INDEX \"idx_posts_import\" ON \"posts\"  (\"import_id\") ");
    await queryRunner.query("ALTER TABLE \"import_runs\" ADD CONSTRAINT \"FK_a3062e7eb88a57991ffffae31c0\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"import_runs\" DROP CONSTRAINT \"FK_a3062e7eb88a57991ffffae31c0\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_posts_import\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"import_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_import_runs_plan\"");
    await queryRunner.query("DROP TABLE \"import_runs\"");
  }
}
