import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailDigest1796006197473 implements MigrationInterface {
  name = 'EmailDigest1796006197473';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"user_preferences\" (\"user_id\" varchar(36) PRIMARY KEY NOT NULL, \"weekly_digest\" boolean NOT NULL DEFAULT (0), \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"digest_emails\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"snapshot_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"state\" varchar(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"first_attempt_at\" varchar(30), \"next_attempt_at\" varchar(30), \"last_error\" text, \"claim_token\" varchar(36), \"claimed_until\" varchar(30), \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_digest_emails_due\" ON \"digest_emails\" (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest_emails_snapshot_user\" ON \"digest_emails\" (\"snapshot_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"temporary_user_preferences\" (\"user_id\" varchar(36) PRIMARY KEY NOT NULL, \"weekly_digest\" boolean NOT NULL DEFAULT (0), \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_458057fa75b66e68a275647da2e\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_user_preferences\"(\"user_id\", \"weekly_digest\", \"updated_at\") SELECT \"user_id\", \"weekly_digest\", \"updated_at\" FROM \"user_preferences\"");
    await queryRunner.query("DROP TABLE \"user_preferences\"");
    await queryRunner.query("ALTER TABLE \"temporary_user_preferences\" RENAME TO \"user_preferences\"");
    await queryRunner.query("DROP INDEX \"idx_digest_emails_due\"");
    await queryRunner.query("DROP INDEX \"uq_digest_emails_snapshot_user\"");
    await queryRunner.query("CREATE TABLE \"temporary_digest_emails\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"snapshot_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"state\" varchar(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"first_attempt_at\" varchar(30), \"next_attempt_at\" varchar(30), \"last_error\" text, \"claim_token\" varchar(36), \"claimed_until\" varchar(30), \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_a707f63a702f0a4821dc4941722\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_f0a74b9ffd748f07e28c471a3d6\" FOREIGN KEY (\"snapshot_id\") REFERENCES \"snapshots\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_b82d9f9a5df760088e730968022\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_digest_emails\"(\"id\", \"plan_id\", \"snapshot_id\", \"user_id\", \"state\", \"attempt_count\", \"first_attempt_at\", \"next_attempt_at\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"snapshot_id\", \"user_id\", \"state\", \"attempt_count\", \"first_attempt_at\", \"next_attempt_at\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\" FROM \"digest_emails\"");
    await queryRunner.query("DROP TABLE \"digest_emails\"");
    await queryRunner.query("ALTER TABLE \"temporary_digest_emails\" RENAME TO \"digest_emails\"");
    await queryRunner.query("CREATE INDEX \"idx_digest_emails_due\" ON \"digest_emails\" (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest_emails_snapshot_user\" ON \"digest_emails\" (\"snapshot_id\", \"user_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_digest_emails_snapshot_user\"");
    await queryRunner.query("DROP INDEX \"idx_digest_emails_due\"");
    await queryRunner.query("ALTER TABLE \"digest_emails\" RENAME TO \"temporary_digest_emails\"");
    await queryRunner.query("CREATE TABLE \"digest_emails\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"snapshot_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"state\" varchar(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"first_attempt_at\" varchar(30), \"next_attempt_at\" varchar(30), \"last_error\" text, \"claim_token\" varchar(36), \"claimed_until\" varchar(30), \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"digest_emails\"(\"id\", \"plan_id\", \"snapshot_id\", \"user_id\", \"state\", \"attempt_count\", \"first_attempt_at\", \"next_attempt_at\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"snapshot_id\", \"user_id\", \"state\", \"attempt_count\", \"first_attempt_at\", \"next_attempt_at\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\" FROM \"temporary_digest_emails\"");
    await queryRunner.query("DROP TABLE \"temporary_digest_emails\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest_emails_snapshot_user\" ON \"digest_emails\" (\"snapshot_id\", \"user_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_digest_emails_due\" ON \"digest_emails\" (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("ALTER TABLE \"user_preferences\" RENAME TO \"temporary_user_preferences\"");
    await queryRunner.query("CREATE TABLE \"user_preferences\" (\"user_id\" varchar(36) PRIMARY KEY NOT NULL, \"weekly_digest\" boolean NOT NULL DEFAULT (0), \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"user_preferences\"(\"user_id\", \"weekly_digest\", \"updated_at\") SELECT \"user_id\", \"weekly_digest\", \"updated_at\" FROM \"temporary_user_preferences\"");
    await queryRunner.query("DROP TABLE \"temporary_user_preferences\"");
    await queryRunner.query("DROP INDEX \"uq_digest_emails_snapshot_user\"");
    await queryRunner.query("DROP INDEX \"idx_digest_emails_due\"");
    await queryRunner.query("DROP TABLE \"digest_emails\"");
    await queryRunner.query("DROP TABLE \"user_preferences\"");
  }
}
