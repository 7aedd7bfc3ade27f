import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExitItems1796014687919 implements MigrationInterface {
  name = 'ExitItems1796014687919';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"exit_items\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"kind\" character varying(30) NOT NULL, \"name\" character varying(200) NOT NULL, \"channel\" character varying(50), \"owner_id\" character varying(36), \"due_date\" character varying(10), \"status\" character varying(30) NOT NULL, \"evidence\" text, \"evidence_url\" character varying(2000), \"created_by\" character varying(36), \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_079afd5c65d72b1349a432d62cb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_exit_items_plan_status\" ON \"exit_items\"  (\"plan_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"exit_item_transitions\" (\"id\" character varying(36) NOT NULL, \"exit_item_id\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, \"from_status\" character varying(30) NOT NULL, \"to_status\" character varying(30) NOT NULL, \"at\" character varying(30) NOT NULL, \"actor_id\" character varying(36) NOT NULL, \"actor_email\" character varying(254) NOT NULL, \"note\" text, CONSTRAINT \"PK_304463ab1a7204ffdeb20d11263\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_exit_item_transitions_item\" ON \"exit_item_transitions\"  (\"exit_item_id\", \"seq\") ");
    await queryRunner.query("ALTER TABLE \"exit_items\" ADD CONSTRAINT \"FK_51d89315e818a79810ac9b3e4db\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"exit_items\" ADD CONSTRAINT \"FK_9859bfe9050603df7ff7833c532\" FOREIGN KEY (\"owner_id\") REFERENCES \"people\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"exit_item_transitions\" ADD CONSTRAINT \"FK_4fdb1ce846885f325be65184d63\" FOREIGN KEY (\"exit_item_id\") REFERENCES \"exit_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"exit_item_transitions\" DROP CONSTRAINT \"FK_4fdb1ce846885f325be65184d63\"");
    await queryRunner.query("ALTER TABLE \"exit_items\" DROP CONSTRAINT \"FK_9859bfe9050603df7ff7833c532\"");
    await queryRunner.query("ALTER TABLE \"exit_items\" DROP CONSTRAINT \"FK_51d89315e818a79810ac9b3e4db\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_exit_item_transitions_item\"");
    await queryRunner.query("DROP TABLE \"exit_item_transitions\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_exit_items_plan_status\"");
    await queryRunner.query("DROP TABLE \"exit_items\"");
  }
}
