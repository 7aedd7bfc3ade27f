import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Snapshots1796003230524 implements MigrationInterface {
  name = 'Snapshots1796003230524';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"baselines\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"name\" character varying(200) NOT NULL, \"milestone_count\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_6177fb1b69ff49ab766da9e3c7f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_baselines_plan_created\" ON \"baselines\"  (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"baseline_items\" (\"baseline_id\" character varying(36) NOT NULL, \"milestone_id\" character varying(36) NOT NULL, \"due_date\" character varying(10) NOT NULL, \"weight\" integer NOT NULL, CONSTRAINT \"PK_44a71d7fa464720f4cf73780a8e\" PRIMARY KEY (\"baseline_id\", \"milestone_id\"))");
    await queryRunner.query("CREATE TABLE \"snapshots\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"kind\" character varying(10) NOT NULL, \"week_start\" character varying(10), \"as_of\" character varying(10) NOT NULL, \"taken_at\" character varying(30) NOT NULL, \"rag\" character varying(10), \"note\" text, \"summary\" text NOT NULL, \"targets\" text NOT NULL, \"items\" text NOT NULL, \"approximate\" boolean NOT NULL, \"version\" integer NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_f5661b5fd4224d23e26a631986b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_snapshots_plan_taken\" ON \"snapshots\"  (\"plan_id\", \"taken_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_snapshots_plan_week\" ON \"snapshots\"  (\"plan_id\", \"week_start\") ");
    await queryRunner.query("ALTER TABLE \"baselines\" ADD CONSTRAINT \"FK_b0750042d0a1195d880710b3e07\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"baseline_items\" ADD CONSTRAINT \"FK_4b96e9ab8c3c2fbef3b190c72f7\" FOREIGN KEY (\"baseline_id\") REFERENCES \"baselines\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"snapshots\" ADD CONSTRAINT \"FK_9f1834f71fab8223c88781fbc3f\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"snapshots\" DROP CONSTRAINT \"FK_9f1834f71fab8223c88781fbc3f\"");
    await queryRunner.query("ALTER TABLE \"baseline_items\" DROP CONSTRAINT \"FK_4b96e9ab8c3c2fbef3b190c72f7\"");
    await queryRunner.query("ALTER TABLE \"baselines\" DROP CONSTRAINT \"FK_b0750042d0a1195d880710b3e07\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_snapshots_plan_week\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_snapshots_plan_taken\"");
    await queryRunner.query("DROP TABLE \"snapshots\"");
    await queryRunner.query("DROP TABLE \"baseline_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_baselines_plan_created\"");
    await queryRunner.query("DROP TABLE \"baselines\"");
  }
}
