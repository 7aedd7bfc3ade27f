import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KtSessions1796014614611 implements MigrationInterface {
  name = 'KtSessions1796014614611';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kt_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"date\" varchar(10) NOT NULL, \"topic\" varchar(200) NOT NULL, \"method\" varchar(30) NOT NULL, \"given_by\" varchar(200) NOT NULL, \"materials_url\" varchar(2000), \"notes\" text, \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_kt_sessions_plan_date\" ON \"kt_sessions\" (\"plan_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"kt_session_attendees\" (\"session_id\" varchar(36) NOT NULL, \"person_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, PRIMARY KEY (\"session_id\", \"person_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_attendees_person\" ON \"kt_session_attendees\" (\"person_id\", \"session_id\") ");
    await queryRunner.query("CREATE TABLE \"kt_session_handovers\" (\"session_id\" varchar(36) NOT NULL, \"handover_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, PRIMARY KEY (\"session_id\", \"handover_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_handovers_handover\" ON \"kt_session_handovers\" (\"handover_id\", \"session_id\") ");
    await queryRunner.query("CREATE TABLE \"kt_session_skills\" (\"session_id\" varchar(36) NOT NULL, \"skill_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, PRIMARY KEY (\"session_id\", \"skill_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_skills_skill\" ON \"kt_session_skills\" (\"skill_id\", \"session_id\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_sessions_plan_date\"");
    await queryRunner.query("CREATE TABLE \"temporary_kt_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"date\" varchar(10) NOT NULL, \"topic\" varchar(200) NOT NULL, \"method\" varchar(30) NOT NULL, \"given_by\" varchar(200) NOT NULL, \"materials_url\" varchar(2000), \"notes\" text, \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_0cc26c0c1262db8184655da27c5\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_kt_sessions\"(\"id\", \"plan_id\", \"date\", \"topic\", \"method\", \"given_by\", \"materials_url\", \"notes\", \"created_by\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"date\", \"topic\", \"method\", \"given_by\", \"materials_url\", \"notes\", \"created_by\", \"version\", \"created_at\", \"updated_at\" FROM \"kt_sessions\"");
    await queryRunner.query("DROP TABLE \"kt_sessions\"");
    await queryRunner.query("ALTER TABLE \"temporary_kt_sessions\" RENAME TO \"kt_sessions\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_sessions_plan_date\" ON \"kt_sessions\" (\"plan_id\", \"date\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_session_attendees_person\"");
    await queryRunner.query("CREATE TABLE \"temporary_kt_session_attendees\" (\"session_id\" varchar(36) NOT NULL, \"person_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"FK_fcfdeeaa6b346486a80a5a4fc35\" FOREIGN KEY (\"session_id\") REFERENCES \"kt_sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_82f79858e0a0b9e4e866caa970b\" FOREIGN KEY (\"person_id\") REFERENCES \"people\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"session_id\", \"person_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_kt_session_attendees\"(\"session_id\", \"person_id\", \"seq\") SELECT \"session_id\", \"person_id\", \"seq\" FROM \"kt_session_attendees\"");
    await queryRunner.query("DROP TABLE \"kt_session_attendees\"");
    await queryRunner.query("ALTER TABLE \"temporary_kt_session_attendees\" RENAME TO \"kt_session_attendees\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_attendees_person\" ON \"kt_session_attendees\" (\"person_id\", \"session_id\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_session_handovers_handover\"");
    await queryRunner.query("CREATE TABLE \"temporary_kt_session_handovers\" (\"session_id\" varchar(36) NOT NULL, \"handover_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"FK_61169dc4ed3bc5c3e5485d48fe2\" FOREIGN KEY (\"session_id\") REFERENCES \"kt_sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_e697d107156c1de3cd45850d647\" FOREIGN KEY (\"handover_id\") REFERENCES \"handovers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"session_id\", \"handover_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_kt_session_handovers\"(\"session_id\", \"handover_id\", \"seq\") SELECT \"session_id\", \"handover_id\", \"seq\" FROM \"kt_session_handovers\"");
    await queryRunner.query("DROP TABLE \"kt_session_handovers\"");
    await queryRunner.query("ALTER TABLE \"temporary_kt_session_handovers\" RENAME TO \"kt_session_handovers\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_handovers_handover\" ON \"kt_session_handovers\" (\"handover_id\", \"session_id\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_session_skills_skill\"");
    await queryRunner.query("CREATE TABLE \"temporary_kt_session_skills\" (\"session_id\" varchar(36) NOT NULL, \"skill_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"FK_693878180199750c0584cf55938\" FOREIGN KEY (\"session_id\") REFERENCES \"kt_sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_a23e0e8bef000266d6fd6a10994\" FOREIGN KEY (\"skill_id\") REFERENCES \"skills\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"session_id\", \"skill_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_kt_session_skills\"(\"session_id\", \"skill_id\", \"seq\") SELECT \"session_id\", \"skill_id\", \"seq\" FROM \"kt_session_skills\"");
    await queryRunner.query("DROP TABLE \"kt_session_skills\"");
    await queryRunner.query("ALTER TABLE \"temporary_kt_session_skills\" RENAME TO \"kt_session_skills\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_skills_skill\" ON \"kt_session_skills\" (\"skill_id\", \"session_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_kt_session_skills_skill\"");
    await queryRunner.query("ALTER TABLE \"kt_session_skills\" RENAME TO \"temporary_kt_session_skills\"");
    await queryRunner.query("CREATE TABLE \"kt_session_skills\" (\"session_id\" varchar(36) NOT NULL, \"skill_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, PRIMARY KEY (\"session_id\", \"skill_id\"))");
    await queryRunner.query("INSERT INTO \"kt_session_skills\"(\"session_id\", \"skill_id\", \"seq\") SELECT \"session_id\", \"skill_id\", \"seq\" FROM \"temporary_kt_session_skills\"");
    await queryRunner.query("DROP TABLE \"temporary_kt_session_skills\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_skills_skill\" ON \"kt_session_skills\" (\"skill_id\", \"session_id\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_session_handovers_handover\"");
    await queryRunner.query("ALTER TABLE \"kt_session_handovers\" RENAME TO \"temporary_kt_session_handovers\"");
    await queryRunner.query("CREATE TABLE \"kt_session_handovers\" (\"session_id\" varchar(36) NOT NULL, \"handover_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, PRIMARY KEY (\"session_id\", \"handover_id\"))");
    await queryRunner.query("INSERT INTO \"kt_session_handovers\"(\"session_id\", \"handover_id\", \"seq\") SELECT \"session_id\", \"handover_id\", \"seq\" FROM \"temporary_kt_session_handovers\"");
    await queryRunner.query("DROP TABLE \"temporary_kt_session_handovers\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_handovers_handover\" ON \"kt_session_handovers\" (\"handover_id\", \"session_id\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_session_attendees_person\"");
    await queryRunner.query("ALTER TABLE \"kt_session_attendees\" RENAME TO \"temporary_kt_session_attendees\"");
    await queryRunner.query("CREATE TABLE \"kt_session_attendees\" (\"session_id\" varchar(36) NOT NULL, \"person_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, PRIMARY KEY (\"session_id\", \"person_id\"))");
    await queryRunner.query("INSERT INTO \"kt_session_attendees\"(\"session_id\", \"person_id\", \"seq\") SELECT \"session_id\", \"person_id\", \"seq\" FROM \"temporary_kt_session_attendees\"");
    await queryRunner.query("DROP TABLE \"temporary_kt_session_attendees\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_session_attendees_person\" ON \"kt_session_attendees\" (\"person_id\", \"session_id\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_sessions_plan_date\"");
    await queryRunner.query("ALTER TABLE \"kt_sessions\" RENAME TO \"temporary_kt_sessions\"");
    await queryRunner.query("CREATE TABLE \"kt_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"date\" varchar(10) NOT NULL, \"topic\" varchar(200) NOT NULL, \"method\" varchar(30) NOT NULL, \"given_by\" varchar(200) NOT NULL, \"materials_url\" varchar(2000), \"notes\" text, \"created_by\" varchar(36), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"kt_sessions\"(\"id\", \"plan_id\", \"date\", \"topic\", \"method\", \"given_by\", \"materials_url\", \"notes\", \"created_by\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"date\", \"topic\", \"method\", \"given_by\", \"materials_url\", \"notes\", \"created_by\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_kt_sessions\"");
    await queryRunner.query("DROP TABLE \"temporary_kt_sessions\"");
    await queryRunner.query("CREATE INDEX \"idx_kt_sessions_plan_date\" ON \"kt_sessions\" (\"plan_id\", \"date\") ");
    await queryRunner.query("DROP INDEX \"idx_kt_session_skills_skill\"");
    await queryRunner.query("DROP TABLE \"kt_session_skills\"");
    await queryRunner.query("DROP INDEX \"idx_kt_session_handovers_handover\"");
    await queryRunner.query("DROP TABLE \"kt_session_handovers\"");
    await queryRunner.query("DROP INDEX \"idx_kt_session_attendees_person\"");
    await queryRunner.query("DROP TABLE \"kt_session_attendees\"");
    await queryRunner.query("DROP INDEX \"idx_kt_sessions_plan_date\"");
    await queryRunner.query("DROP TABLE \"kt_sessions\"");
  }
}
