import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportRuns1795988591992 implements MigrationInterface {
  name = 'ImportRuns1795988591992';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"import_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"dry_run\" boolean NOT NULL, \"holder\" varchar(200) NOT NULL, \"started_at\" varchar(30) NOT NULL, \"heartbeat_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_runs_plan\" ON \"import_runs\" (\"plan_id\") ");
    await queryRunner.query("DROP INDEX \"uq_posts_plan_channel_external\"");
    await queryRunner.query("DROP INDEX \"idx_posts_plan_published\"");
    await queryRunner.query("CREATE TABLE \"temporary_posts\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"source\" varchar(20) NOT NULL, \"external_id\" varchar(200), \"author\" varchar(200), \"created_at\" varchar(30) NOT NULL, \"import_id\" varchar(36), CONSTRAINT \"FK_62fb2bb41bfff437c60b3791a14\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_posts\"(\"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\") SELECT \"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\" FROM \"posts\"");
    await queryRunner.query("DROP TABLE \"posts\"");
    await queryRunner.query("ALTER TABLE \"temporary_posts\" RENAME TO \"posts\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_posts_plan_channel_external\" ON \"posts\" (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_published\" ON \"posts\" (\"plan_id\", \"published_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_import\" ON \"posts\" (\"import_id\") ");
    await queryRunner.query("DROP INDEX \"uq_import_runs_plan\"");
    await queryRunner.query("CREATE TABLE \"temporary_import_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"dry_run\" boolean NOT NULL, \"holder\" varchar(200) NOT NULL, \"started_at\" varchar(30) NOT NULL, \"heartbeat_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_a3062e7eb88a57991ffffae31c0\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_import_runs\"(\"id\", \"plan_id\", \"user_id\", \"dry_run\", \"holder\", \"started_at\", \"heartbeat_at\") SELECT \"id\", \"plan_id\", \"user_id\", \"dry_run\", \"holder\", \"started_at\", \"heartbeat_at\" FROM \"import_runs\"");
    await queryRunner.query("DROP TABLE \"import_runs\"");
    await queryRunner.query("ALTER TABLE \"temporary_import_runs\" RENAME TO \"import_runs\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_runs_plan\" ON \"import_runs\" (\"plan_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_import_runs_plan\"");
    await queryRunner.query("ALTER TABLE \"import_runs\" RENAME TO \"temporary_import_runs\"");
    await queryRunner.query("CREATE TABLE \"import_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"dry_run\" boolean NOT NULL, \"holder\" varchar(200) NOT NULL, \"started_at\" varchar(30) NOT NULL, \"heartbeat_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"import_runs\"(\"id\", \"plan_id\", \"user_id\", \"dry_run\", \"holder\", \"started_at\", \"heartbeat_at\") SELECT \"id\", \"plan_id\", \"user_id\", \"dry_run\", \"holder\", \"started_at\", \"heartbeat_at\" FROM \"temporary_import_runs\"");
    await queryRunner.query("DROP TABLE \"temporary_import_runs\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_runs_plan\" ON \"import_runs\" (\"plan_id\") ");
    await queryRunner.query("DROP INDEX \"idx_posts_import\"");
    await queryRunner.query("DROP INDEX \"idx_posts_plan_published\"");
    await queryRunner.query("DROP INDEX \"uq_posts_plan_channel_external\"");
    await queryRunner.query("ALTER TABLE \"posts\" RENAME TO \"temporary_posts\"");
    await queryRunner.query("CREATE TABLE \"posts\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"source\" varchar(20) NOT NULL, \"external_id\" varchar(200), \"author\" varchar(200), \"created_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_62fb2bb41bfff437c60b3791a14\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"posts\"(\"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\") SELECT \"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\" FROM \"temporary_posts\"");
    await queryRunner.query("DROP TABLE \"temporary_posts\"");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_published\" ON \"posts\" (\"plan_id\", \"published_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_posts_plan_channel_external\" ON \"posts\" (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("DROP INDEX \"uq_import_runs_plan\"");
    await queryRunner.query("DROP TABLE \"import_runs\"");
  }
}
