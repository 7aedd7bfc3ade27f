import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailDigest1796006198485 implements MigrationInterface {
  name = 'EmailDigest1796006198485';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"user_preferences\" (\"user_id\" character varying(36) NOT NULL, \"weekly_digest\" boolean NOT NULL DEFAULT false, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_458057fa75b66e68a275647da2e\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"digest_emails\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"snapshot_id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"state\" character varying(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"first_attempt_at\" character varying(30), \"next_attempt_at\" character varying(30), \"last_error\" text, \"claim_token\" character varying(36), \"claimed_until\" character varying(30), \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_4df13bd04ef2b4a5eabc2f22b1b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_digest_emails_due\" ON \"digest_emails\"  (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest_emails_snapshot_user\" ON \"digest_emails\"  (\"snapshot_id\", \"user_id\") ");
    await queryRunner.query("ALTER TABLE \"user_preferences\" ADD CONSTRAINT \"FK_458057fa75b66e68a275647da2e\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"digest_emails\" ADD CONSTRAINT \"FK_a707f63a702f0a4821dc4941722\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"digest_emails\" ADD CONSTRAINT \"FK_f0a74b9ffd748f07e28c471a3d6\" FOREIGN KEY (\"snapshot_id\") REFERENCES \"snapshots\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"digest_emails\" ADD CONSTRAINT \"FK_b82d9f9a5df760088e730968022\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"digest_emails\" DROP CONSTRAINT \"FK_b82d9f9a5df760088e730968022\"");
    await queryRunner.query("ALTER TABLE \"digest_emails\" DROP CONSTRAINT \"FK_f0a74b9ffd748f07e28c471a3d6\"");
    await queryRunner.query("ALTER TABLE \"digest_emails\" DROP CONSTRAINT \"FK_a707f63a702f0a4821dc4941722\"");
    await queryRunner.query("ALTER TABLE \"user_preferences\" DROP CONSTRAINT \"FK_458057fa75b66e68a275647da2e\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_digest_emails_snapshot_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_digest_emails_due\"");
    await queryRunner.query("DROP TABLE \"digest_emails\"");
    await queryRunner.query("DROP TABLE \"user_preferences\"");
  }
}
