import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestRoster1796002898669 implements MigrationInterface {
  name = 'IngestRoster1796002898669';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"roster_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(10) NOT NULL, \"match\" varchar(200) NOT NULL, \"match_key\" varchar(200) NOT NULL, \"side\" varchar(10) NOT NULL, \"from_date\" varchar(10), \"to_date\" varchar(10), \"note\" varchar(500), \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_roster_plan_key\" ON \"roster_entries\" (\"plan_id\", \"kind\", \"match_key\") ");
    await queryRunner.query("CREATE TABLE \"ingest_inbox\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"external_id\" varchar(200), \"account\" varchar(200), \"permalink\" varchar(500), \"author\" varchar(200), \"publisher\" varchar(200), \"origin\" varchar(100) NOT NULL, \"received_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_ingest_inbox_plan_received\" ON \"ingest_inbox\" (\"plan_id\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_inbox_plan_channel_external\" ON \"ingest_inbox\" (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("DROP INDEX \"idx_posts_import\"");
    await queryRunner.query("DROP INDEX \"idx_posts_plan_published\"");
    await queryRunner.query("DROP INDEX \"uq_posts_plan_channel_external\"");
    await queryRunner.query("CREATE TABLE \"temporary_posts\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"source\" varchar(20) NOT NULL, \"external_id\" varchar(200), \"author\" varchar(200), \"created_at\" varchar(30) NOT NULL, \"import_id\" varchar(36), \"account\" varchar(200), \"permalink\" varchar(500), \"publisher\" varchar(200), \"classified_by\" varchar(10) NOT NULL DEFAULT ('source'), \"roster_entry_id\" varchar(36), \"origin\" varchar(100), CONSTRAINT \"FK_62fb2bb41bfff437c60b3791a14\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_posts\"(\"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\", \"import_id\") SELECT \"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\", \"import_id\" FROM \"posts\"");
    await queryRunner.query("DROP TABLE \"posts\"");
    await queryRunner.query("ALTER TABLE \"temporary_posts\" RENAME TO \"posts\"");
    await queryRunner.query("CREATE INDEX \"idx_posts_import\" ON \"posts\" (\"import_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_published\" ON \"posts\" (\"plan_id\", \"published_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_posts_plan_channel_external\" ON \"posts\" (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_roster_entry\" ON \"posts\" (\"roster_entry_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_permalink\" ON \"posts\" (\"plan_id\", \"permalink\") ");
    await queryRunner.query("DROP INDEX \"idx_roster_plan_key\"");
    await queryRunner.query("CREATE TABLE \"temporary_roster_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(10) NOT NULL, \"match\" varchar(200) NOT NULL, \"match_key\" varchar(200) NOT NULL, \"side\" varchar(10) NOT NULL, \"from_date\" varchar(10), \"to_date\" varchar(10), \"note\" varchar(500), \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_6c1da1e5f5cdf38577ad83f1841\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_roster_entries\"(\"id\", \"plan_id\", \"kind\", \"match\", \"match_key\", \"side\", \"from_date\", \"to_date\", \"note\", \"created_by\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"kind\", \"match\", \"match_key\", \"side\", \"from_date\", \"to_date\", \"note\", \"created_by\", \"version\", \"created_at\", \"updated_at\" FROM \"roster_entries\"");
    await queryRunner.query("DROP TABLE \"roster_entries\"");
    await queryRunner.query("ALTER TABLE \"temporary_roster_entries\" RENAME TO \"roster_entries\"");
    await queryRunner.query("CREATE INDEX \"idx_roster_plan_key\" ON \"roster_entries\" (\"plan_id\", \"kind\", \"match_key\") ");
    await queryRunner.query("DROP INDEX \"idx_ingest_inbox_plan_received\"");
    await queryRunner.query("DROP INDEX \"uq_ingest_inbox_plan_channel_external\"");
    await queryRunner.query("CREATE TABLE \"temporary_ingest_inbox\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"external_id\" varchar(200), \"account\" varchar(200), \"permalink\" varchar(500), \"author\" varchar(200), \"publisher\" varchar(200), \"origin\" varchar(100) NOT NULL, \"received_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_c8482b41e6db5b042ed627dfc56\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_ingest_inbox\"(\"id\", \"plan_id\", \"channel\", \"published_at\", \"external_id\", \"account\", \"permalink\", \"author\", \"publisher\", \"origin\", \"received_at\") SELECT \"id\", \"plan_id\", \"channel\", \"published_at\", \"external_id\", \"account\", \"permalink\", \"author\", \"publisher\", \"origin\", \"received_at\" FROM \"ingest_inbox\"");
    await queryRunner.query("DROP TABLE \"ingest_inbox\"");
    await queryRunner.query("ALTER TABLE \"temporary_ingest_inbox\" RENAME TO \"ingest_inbox\"");
    await queryRunner.query("CREATE INDEX \"idx_ingest_inbox_plan_received\" ON \"ingest_inbox\" (\"plan_id\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_inbox_plan_channel_external\" ON \"ingest_inbox\" (\"plan_id\", \"channel\", \"external_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_ingest_inbox_plan_channel_external\"");
    await queryRunner.query("DROP INDEX \"idx_ingest_inbox_plan_received\"");
    await queryRunner.query("ALTER TABLE \"ingest_inbox\" RENAME TO \"temporary_ingest_inbox\"");
    await queryRunner.query("CREATE TABLE \"ingest_inbox\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"external_id\" varchar(200), \"account\" varchar(200), \"permalink\" varchar(500), \"author\" varchar(200), \"publisher\" varchar(200), \"origin\" varchar(100) NOT NULL, \"received_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"ingest_inbox\"(\"id\", \"plan_id\", \"channel\", \"published_at\", \"external_id\", \"account\", \"permalink\", \"author\", \"publisher\", \"origin\", \"received_at\") SELECT \"id\", \"plan_id\", \"channel\", \"published_at\", \"external_id\", \"account\", \"permalink\", \"author\", \"publisher\", \"origin\", \"received_at\" FROM \"temporary_ingest_inbox\"");
    await queryRunner.query("DROP TABLE \"temporary_ingest_inbox\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_inbox_plan_channel_external\" ON \"ingest_inbox\" (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_ingest_inbox_plan_received\" ON \"ingest_inbox\" (\"plan_id\", \"received_at\") ");
    await queryRunner.query("DROP INDEX \"idx_roster_plan_key\"");
    await queryRunner.query("ALTER TABLE \"roster_entries\" RENAME TO \"temporary_roster_entries\"");
    await queryRunner.query("CREATE TABLE \"roster_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(10) NOT NULL, \"match\" varchar(200) NOT NULL, \"match_key\" varchar(200) NOT NULL, \"side\" varchar(10) NOT NULL, \"from_date\" varchar(10), \"to_date\" varchar(10), \"note\" varchar(500), \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"roster_entries\"(\"id\", \"plan_id\", \"kind\", \"match\", \"match_key\", \"side\", \"from_date\", \"to_date\", \"note\", \"created_by\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"kind\", \"match\", \"match_key\", \"side\", \"from_date\", \"to_date\", \"note\", \"created_by\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_roster_entries\"");
    await queryRunner.query("DROP TABLE \"temporary_roster_entries\"");
    await queryRunner.query("CREATE INDEX \"idx_roster_plan_key\" ON \"roster_entries\" (\"plan_id\", \"kind\", \"match_key\") ");
    await queryRunner.query("DROP INDEX \"idx_posts_plan_permalink\"");
    await queryRunner.query("DROP INDEX \"idx_posts_roster_entry\"");
    await queryRunner.query("DROP INDEX \"uq_posts_plan_channel_external\"");
    await queryRunner.query("DROP INDEX \"idx_posts_plan_published\"");
    await queryRunner.query("DROP INDEX \"idx_posts_import\"");
    await queryRunner.query("ALTER TABLE \"posts\" RENAME TO \"temporary_posts\"");
    await queryRunner.query("CREATE TABLE \"posts\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"channel\" varchar(50) NOT NULL, \"published_at\" varchar(30) NOT NULL, \"source\" varchar(20) NOT NULL, \"external_id\" varchar(200), \"author\" varchar(200), \"created_at\" varchar(30) NOT NULL, \"import_id\" varchar(36), CONSTRAINT \"FK_62fb2bb41bfff437c60b3791a14\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"posts\"(\"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\", \"import_id\") SELECT \"id\", \"plan_id\", \"channel\", \"published_at\", \"source\", \"external_id\", \"author\", \"created_at\", \"import_id\" FROM \"temporary_posts\"");
    await queryRunner.query("DROP TABLE \"temporary_posts\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_posts_plan_channel_external\" ON \"posts\" (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_published\" ON \"posts\" (\"plan_id\", \"published_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_import\" ON \"posts\" (\"import_id\") ");
    await queryRunner.query("DROP INDEX \"uq_ingest_inbox_plan_channel_external\"");
    await queryRunner.query("DROP INDEX \"idx_ingest_inbox_plan_received\"");
    await queryRunner.query("DROP TABLE \"ingest_inbox\"");
    await queryRunner.query("DROP INDEX \"idx_roster_plan_key\"");
    await queryRunner.query("DROP TABLE \"roster_entries\"");
  }
}
