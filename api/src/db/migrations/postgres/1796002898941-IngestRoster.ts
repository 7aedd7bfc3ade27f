import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestRoster1796002898941 implements MigrationInterface {
  name = 'IngestRoster1796002898941';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"roster_entries\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"kind\" character varying(10) NOT NULL, \"match\" character varying(200) NOT NULL, \"match_key\" character varying(200) NOT NULL, \"side\" character varying(10) NOT NULL, \"from_date\" character varying(10), \"to_date\" character varying(10), \"note\" character varying(500), \"created_by\" character varying(36), \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_c4b86b75e6d6856f877517ef8d1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_roster_plan_key\" ON \"roster_entries\"  (\"plan_id\", \"kind\", \"match_key\") ");
    await queryRunner.query("CREATE TABLE \"ingest_inbox\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"channel\" character varying(50) NOT NULL, \"published_at\" character varying(30) NOT NULL, \"external_id\" character varying(200), \"account\" character varying(200), \"permalink\" character varying(500), \"author\" character varying(200), \"publisher\" character varying(200), \"origin\" character varying(100) NOT NULL, \"received_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_1ae708d8e1012a99ea222911fed\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_ingest_inbox_plan_received\" ON \"ingest_inbox\"  (\"plan_id\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ingest_inbox_plan_channel_external\" ON \"ingest_inbox\"  (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"account\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"permalink\" character varying(500)");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"publisher\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"classified_by\" character varying(10) NOT NULL DEFAULT 'source'");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"roster_entry_id\" character varying(36)");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"origin\" character varying(100)");
    await queryRunner.query("CREATE INDEX \"idx_posts_roster_entry\" ON \"posts\"  (\"roster_entry_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_permalink\" ON \"posts\"  (\"plan_id\", \"permalink\") ");
    await queryRunner.query("ALTER TABLE \"roster_entries\" ADD CONSTRAINT \"FK_6c1da1e5f5cdf38577ad83f1841\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ingest_inbox\" ADD CONSTRAINT \"FK_c8482b41e6db5b042ed627dfc56\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"ingest_inbox\" DROP CONSTRAINT \"FK_c8482b41e6db5b042ed627dfc56\"");
    await queryRunner.query("ALTER TABLE \"roster_entries\" DROP CONSTRAINT \"FK_6c1da1e5f5cdf38577ad83f1841\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_posts_plan_permalink\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_posts_roster_entry\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"origin\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"roster_entry_id\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"classified_by\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"publisher\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"permalink\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"account\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_ingest_inbox_plan_channel_external\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_ingest_inbox_plan_received\"");
    await queryRunner.query("DROP TABLE \"ingest_inbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_roster_plan_key\"");
    await queryRunner.query("DROP TABLE \"roster_entries\"");
  }
}
