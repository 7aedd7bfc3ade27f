import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExitItems1796014685207 implements MigrationInterface {
  name = 'ExitItems1796014685207';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"exit_items\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(30) NOT NULL, \"name\" varchar(200) NOT NULL, \"channel\" varchar(50), \"owner_id\" varchar(36), \"due_date\" varchar(10), \"status\" varchar(30) NOT NULL, \"evidence\" text, \"evidence_url\" varchar(2000), \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_exit_items_plan_status\" ON \"exit_items\" (\"plan_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"exit_item_transitions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"exit_item_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"from_status\" varchar(30) NOT NULL, \"to_status\" varchar(30) NOT NULL, \"at\" varchar(30) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"actor_email\" varchar(254) NOT NULL, \"note\" text)");
    await queryRunner.query("CREATE INDEX \"idx_exit_item_transitions_item\" ON \"exit_item_transitions\" (\"exit_item_id\", \"seq\") ");
    await queryRunner.query("DROP INDEX \"idx_exit_items_plan_status\"");
    await queryRunner.query("CREATE TABLE \"temporary_exit_items\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(30) NOT NULL, \"name\" varchar(200) NOT NULL, \"channel\" varchar(50), \"owner_id\" varchar(36), \"due_date\" varchar(10), \"status\" varchar(30) NOT NULL, \"evidence\" text, \"evidence_url\" varchar(2000), \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_51d89315e818a79810ac9b3e4db\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_9859bfe9050603df7ff7833c532\" FOREIGN KEY (\"owner_id\") REFERENCES \"people\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_exit_items\"(\"id\", \"plan_id\", \"kind\", \"name\", \"channel\", \"owner_id\", \"due_date\", \"status\", \"evidence\", \"evidence_url\", \"created_by\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"kind\", \"name\", \"channel\", \"owner_id\", \"due_date\", \"status\", \"evidence\", \"evidence_url\", \"created_by\", \"version\", \"created_at\", \"updated_at\" FROM \"exit_items\"");
    await queryRunner.query("DROP TABLE \"exit_items\"");
    await queryRunner.query("ALTER TABLE \"temporary_exit_items\" RENAME TO \"exit_items\"");
    await queryRunner.query("CREATE INDEX \"idx_exit_items_plan_status\" ON \"exit_items\" (\"plan_id\", \"status\") ");
    await queryRunner.query("DROP INDEX \"idx_exit_item_transitions_item\"");
    await queryRunner.query("CREATE TABLE \"temporary_exit_item_transitions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"exit_item_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"from_status\" varchar(30) NOT NULL, \"to_status\" varchar(30) NOT NULL, \"at\" varchar(30) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"actor_email\" varchar(254) NOT NULL, \"note\" text, CONSTRAINT \"FK_4fdb1ce846885f325be65184d63\" FOREIGN KEY (\"exit_item_id\") REFERENCES \"exit_items\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_exit_item_transitions\"(\"id\", \"exit_item_id\", \"seq\", \"from_status\", \"to_status\", \"at\", \"actor_id\", \"actor_email\", \"note\") SELECT \"id\", \"exit_item_id\", \"seq\", \"from_status\", \"to_status\", \"at\", \"actor_id\", \"actor_email\", \"note\" FROM \"exit_item_transitions\"");
    await queryRunner.query("DROP TABLE \"exit_item_transitions\"");
    await queryRunner.query("ALTER TABLE \"temporary_exit_item_transitions\" RENAME TO \"exit_item_transitions\"");
    await queryRunner.query("CREATE INDEX \"idx_exit_item_transitions_item\" ON \"exit_item_transitions\" (\"exit_item_id\", \"seq\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_exit_item_transitions_item\"");
    await queryRunner.query("ALTER TABLE \"exit_item_transitions\" RENAME TO \"temporary_exit_item_transitions\"");
    await queryRunner.query("CREATE TABLE \"exit_item_transitions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"exit_item_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"from_status\" varchar(30) NOT NULL, \"to_status\" varchar(30) NOT NULL, \"at\" varchar(30) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"actor_email\" varchar(254) NOT NULL, \"note\" text)");
    await queryRunner.query("INSERT INTO \"exit_item_transitions\"(\"id\", \"exit_item_id\", \"seq\", \"from_status\", \"to_status\", \"at\", \"actor_id\", \"actor_email\", \"note\") SELECT \"id\", \"exit_item_id\", \"seq\", \"from_status\", \"to_status\", \"at\", \"actor_id\", \"actor_email\", \"note\" FROM \"temporary_exit_item_transitions\"");
    await queryRunner.query("DROP TABLE \"temporary_exit_item_transitions\"");
    await queryRunner.query("CREATE INDEX \"idx_exit_item_transitions_item\" ON \"exit_item_transitions\" (\"exit_item_id\", \"seq\") ");
    await queryRunner.query("DROP INDEX \"idx_exit_items_plan_status\"");
    await queryRunner.query("ALTER TABLE \"exit_items\" RENAME TO \"temporary_exit_items\"");
    await queryRunner.query("CREATE TABLE \"exit_items\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(30) NOT NULL, \"name\" varchar(200) NOT NULL, \"channel\" varchar(50), \"owner_id\" varchar(36), \"due_date\" varchar(10), \"status\" varchar(30) NOT NULL, \"evidence\" text, \"evidence_url\" varchar(2000), \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"exit_items\"(\"id\", \"plan_id\", \"kind\", \"name\", \"channel\", \"owner_id\", \"due_date\", \"status\", \"evidence\", \"evidence_url\", \"created_by\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"kind\", \"name\", \"channel\", \"owner_id\", \"due_date\", \"status\", \"evidence\", \"evidence_url\", \"created_by\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_exit_items\"");
    await queryRunner.query("DROP TABLE \"temporary_exit_items\"");
    await queryRunner.query("CREATE INDEX \"idx_exit_items_plan_status\" ON \"exit_items\" (\"plan_id\", \"status\") ");
    await queryRunner.query("DROP INDEX \"idx_exit_item_transitions_item\"");
    await queryRunner.query("DROP TABLE \"exit_item_transitions\"");
    await queryRunner.query("DROP INDEX \"idx_exit_items_plan_status\"");
    await queryRunner.query("DROP TABLE \"exit_items\"");
  }
}
