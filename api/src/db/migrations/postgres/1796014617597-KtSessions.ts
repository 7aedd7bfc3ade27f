import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KtSessions1796014617597 implements MigrationInterface {
  name = 'KtSessions1796014617597';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kt_sessions\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"date\" character varying(10) NOT NULL, \"topic\" character varying(200) NOT NULL, \"method\" character varying(30) NOT NULL, \"given_by\" character varying(200) NOT NULL, \"materials_url\" character varying(2000), \"notes\" text, \"created_by\" character varying(36), \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_ad14edb5c3f869341d4b8c25a87\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_sessions_plan_date\" ON \"kt_sessions\"  (\"plan_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"kt_session_attendees\" (\"session_id\" character varying(36) NOT NULL, \"person_id\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"PK_38f9a6863477719f259b9e97389\" PRIMARY KEY (\"session_id\", \"person_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_attendees_person\" ON \"kt_session_attendees\"  (\"person_id\", \"session_id\") ");
    await queryRunner.query("CREATE TABLE \"kt_session_handovers\" (\"session_id\" character varying(36) NOT NULL, \"handover_id\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"PK_31c96e17d53c564c1ee8564175b\" PRIMARY KEY (\"session_id\", \"handover_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_handovers_handover\" ON \"kt_session_handovers\"  (\"handover_id\", \"session_id\") ");
    await queryRunner.query("CREATE TABLE \"kt_session_skills\" (\"session_id\" character varying(36) NOT NULL, \"skill_id\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"PK_bccb9c480a2b027395454674adc\" PRIMARY KEY (\"session_id\", \"skill_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_skills_skill\" ON \"kt_session_skills\"  (\"skill_id\", \"session_id\") ");
    await queryRunner.query("ALTER TABLE \"kt_sessions\" ADD CONSTRAINT \"FK_0cc26c0c1262db8184655da27c5\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kt_session_attendees\" ADD CONSTRAINT \"FK_fcfdeeaa6b346486a80a5a4fc35\" FOREIGN KEY (\"session_id\") REFERENCES \"kt_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kt_session_attendees\" ADD CONSTRAINT \"FK_82f79858e0a0b9e4e866caa970b\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kt_session_handovers\" ADD CONSTRAINT \"FK_61169dc4ed3bc5c3e5485d48fe2\" FOREIGN KEY (\"session_id\") REFERENCES \"kt_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kt_session_handovers\" ADD CONSTRAINT \"FK_e697d107156c1de3cd45850d647\" FOREIGN KEY (\"handover_id\") REFERENCES \"handovers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kt_session_skills\" ADD CONSTRAINT \"FK_693878180199750c0584cf55938\" FOREIGN KEY (\"session_id\") REFERENCES \"kt_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kt_session_skills\" ADD CONSTRAINT \"FK_a23e0e8bef000266d6fd6a10994\" FOREIGN KEY (\"skill_id\") REFERENCES \"skills\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kt_session_skills\" DROP CONSTRAINT \"FK_a23e0e8bef000266d6fd6a10994\"");
    await queryRunner.query("ALTER TABLE \"kt_session_skills\" DROP CONSTRAINT \"FK_693878180199750c0584cf55938\"");
    await queryRunner.query("ALTER TABLE \"kt_session_handovers\" DROP CONSTRAINT \"FK_e697d107156c1de3cd45850d647\"");
    await queryRunner.query("ALTER TABLE \"kt_session_handovers\" DROP CONSTRAINT \"FK_61169dc4ed3bc5c3e5485d48fe2\"");
    await queryRunner.query("ALTER TABLE \"kt_session_attendees\" DROP CONSTRAINT \"FK_82f79858e0a0b9e4e866caa970b\"");
    await queryRunner.query("ALTER TABLE \"kt_session_attendees\" DROP CONSTRAINT \"FK_fcfdeeaa6b346486a80a5a4fc35\"");
    await queryRunner.query("ALTER TABLE \"kt_sessions\" DROP CONSTRAINT \"FK_0cc26c0c1262db8184655da27c5\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_kt_session_skills_skill\"");
    await queryRunner.query("DROP TABLE \"kt_session_skills\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_kt_session_handovers_handover\"");
    await queryRunner.query("DROP TABLE \"kt_session_handovers\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_kt_session_attendees_person\"");
    await queryRunner.query("DROP TABLE \"kt_session_attendees\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_kt_sessions_plan_date\"");
    await queryRunner.query("DROP TABLE \"kt_sessions\"");
  }
}
