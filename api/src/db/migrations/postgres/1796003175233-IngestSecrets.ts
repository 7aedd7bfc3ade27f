import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestSecrets1796003175233 implements MigrationInterface {
  name = 'IngestSecrets1796003175233';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ingest_secrets\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"receiver\" character varying(20) NOT NULL, \"name\" character varying(100) NOT NULL, \"hash\" character varying(64) NOT NULL, \"created_by\" character varying(36), \"created_at\" character varying(30) NOT NULL, \"last_used_at\" character varying(30), \"revoked_at\" character varying(30), CONSTRAINT \"PK_13c1108e26e0658802a8cdf18fd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_secrets_hash\" ON \"ingest_secrets\"  (\"hash\") ");
    await queryRunner.query("CREATE INDEX \"idx_ingest_secrets_plan\" ON \"ingest_secrets\"  (\"plan_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"ingest_secrets\" ADD CONSTRAINT \"FK_f04e92f78afa32c81be9d1f1ab6\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"ingest_secrets\" DROP CONSTRAINT \"FK_f04e92f78afa32c81be9d1f1ab6\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_ingest_secrets_plan\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_ingest_secrets_hash\"");
    await queryRunner.query("DROP TABLE \"ingest_secrets\"");
  }
}
