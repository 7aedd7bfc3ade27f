import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestSecrets1796003174973 implements MigrationInterface {
  name = 'IngestSecrets1796003174973';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ingest_secrets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"receiver\" varchar(20) NOT NULL, \"name\" varchar(100) NOT NULL, \"hash\" varchar(64) NOT NULL, \"created_by\" varchar(36), \"created_at\" varchar(30) NOT NULL, \"last_used_at\" varchar(30), \"revoked_at\" varchar(30))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_secrets_hash\" ON \"ingest_secrets\" (\"hash\") ");
    await queryRunner.query("CREATE INDEX \"idx_ingest_secrets_plan\" ON \"ingest_secrets\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_ingest_secrets_hash\"");
    await queryRunner.query("DROP INDEX \"idx_ingest_secrets_plan\"");
    await queryRunner.query("CREATE TABLE \"temporary_ingest_secrets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"receiver\" varchar(20) NOT NULL, \"name\" varchar(100) NOT NULL, \"hash\" varchar(64) NOT NULL, \"created_by\" varchar(36), \"created_at\" varchar(30) NOT NULL, \"last_used_at\" varchar(30), \"revoked_at\" varchar(30), CONSTRAINT \"FK_f04e92f78afa32c81be9d1f1ab6\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_ingest_secrets\"(\"id\", \"plan_id\", \"receiver\", \"name\", \"hash\", \"created_by\", \"created_at\", \"last_used_at\", \"revoked_at\") SELECT \"id\", \"plan_id\", \"receiver\", \"name\", \"hash\", \"created_by\", \"created_at\", \"last_used_at\", \"revoked_at\" FROM \"ingest_secrets\"");
    await queryRunner.query("DROP TABLE \"ingest_secrets\"");
    await queryRunner.query("ALTER TABLE \"temporary_ingest_secrets\" RENAME TO \"ingest_secrets\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_secrets_hash\" ON \"ingest_secrets\" (\"hash\") ");
    await queryRunner.query("CREATE INDEX \"idx_ingest_secrets_plan\" ON \"ingest_secrets\" (\"plan_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_ingest_secrets_plan\"");
    await queryRunner.query("DROP INDEX \"uq_ingest_secrets_hash\"");
    await queryRunner.query("ALTER TABLE \"ingest_secrets\" RENAME TO \"temporary_ingest_secrets\"");
    await queryRunner.query("CREATE TABLE \"ingest_secrets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"receiver\" varchar(20) NOT NULL, \"name\" varchar(100) NOT NULL, \"hash\" varchar(64) NOT NULL, \"created_by\" varchar(36), \"created_at\" varchar(30) NOT NULL, \"last_used_at\" varchar(30), \"revoked_at\" varchar(30))");
    await queryRunner.query("INSERT INTO \"ingest_secrets\"(\"id\", \"plan_id\", \"receiver\", \"name\", \"hash\", \"created_by\", \"created_at\", \"last_used_at\", \"revoked_at\") SELECT \"id\", \"plan_id\", \"receiver\", \"name\", \"hash\", \"created_by\", \"created_at\", \"last_used_at\", \"revoked_at\" FROM \"temporary_ingest_secrets\"");
    await queryRunner.query("DROP TABLE \"temporary_ingest_secrets\"");
    await queryRunner.query("CREATE INDEX \"idx_ingest_secrets_plan\" ON \"ingest_secrets\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_secrets_hash\" ON \"ingest_secrets\" (\"hash\") ");
    await queryRunner.query("DROP INDEX \"idx_ingest_secrets_plan\"");
    await queryRunner.query("DROP INDEX \"uq_ingest_secrets_hash\"");
    await queryRunner.query("DROP TABLE \"ingest_secrets\"");
  }
}
