import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Domain1795686810817 implements MigrationInterface {
  name = 'Domain1795686810817';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"people\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"name\" character varying(200) NOT NULL, \"title\" character varying(200), \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_aa866e71353ee94c6cc51059c5b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_people_plan\" ON \"people\"  (\"plan_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"skills\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"name\" character varying(200) NOT NULL, \"category\" character varying(100), \"required_level\" integer NOT NULL, \"required_people\" integer NOT NULL, \"critical\" boolean NOT NULL DEFAULT false, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_0d3212120f4ecedf90864d7e298\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_skills_plan_name\" ON \"skills\"  (\"plan_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"assessments\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"person_id\" character varying(36) NOT NULL, \"skill_id\" character varying(36) NOT NULL, \"level\" integer NOT NULL, \"assessed_at\" character varying(30) NOT NULL, \"seq\" integer NOT NULL, \"note\" text, \"assessed_by_id\" character varying(36) NOT NULL, \"assessed_by_email\" character varying(254) NOT NULL, \"created_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_a3442bd80a00e9111cefca57f6c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_assessments_skill\" ON \"assessments\"  (\"skill_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessments_current\" ON \"assessments\"  (\"plan_id\", \"person_id\", \"skill_id\", \"assessed_at\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"handovers\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"title\" character varying(200) NOT NULL, \"channel\" character varying(50), \"description\" text, \"status\" character varying(20) NOT NULL, \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_88432ab36f1a01be3bb86a16c28\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_handovers_plan_status\" ON \"handovers\"  (\"plan_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"handover_transitions\" (\"id\" character varying(36) NOT NULL, \"handover_id\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, \"from_status\" character varying(20) NOT NULL, \"to_status\" character varying(20) NOT NULL, \"at\" character varying(30) NOT NULL, \"actor_id\" character varying(36) NOT NULL, \"actor_email\" character varying(254) NOT NULL, \"note\" text, CONSTRAINT \"PK_5a074ce69c7f6dbdb2edcdcf6bd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_handover_transitions_handover\" ON \"handover_transitions\"  (\"handover_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"posts\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"channel\" character varying(50) NOT NULL, \"published_at\" character varying(30) NOT NULL, \"source\" character varying(20) NOT NULL, \"external_id\" character varying(200), \"author\" character varying(200), \"created_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_2829ac61eff60fcec60d7274b9e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_posts_plan_published\" ON \"posts\"  (\"plan_id\", \"published_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_posts_plan_channel_external\" ON \"posts\"  (\"plan_id\", \"channel\", \"external_id\") ");
    await queryRunner.query("CREATE TABLE \"post_daily_counts\" (\"plan_id\" character varying(36) NOT NULL, \"day\" character varying(10) NOT NULL, \"channel\" character varying(50) NOT NULL, \"source\" character varying(20) NOT NULL, \"count\" integer NOT NULL, CONSTRAINT \"PK_a68fb204b61ebcde26bf42b3d16\" PRIMARY KEY (\"plan_id\", \"day\", \"channel\", \"source\"))");
    await queryRunner.query("CREATE TABLE \"adoption_samples\" (\"plan_id\" character varying(36) NOT NULL, \"week_start\" character varying(10) NOT NULL, \"active_users\" integer NOT NULL, \"total_staff\" integer NOT NULL, \"source\" character varying(100), \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_ff87e6abd9d91cc896c0f686f84\" PRIMARY KEY (\"plan_id\", \"week_start\"))");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"FK_165121432573e09539665e0dd74\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"skills\" ADD CONSTRAINT \"FK_09411c5f6da8149b848c3bd4b9f\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_b00f5cc8755c7a21868829c77f9\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_0f4856768f33357c963bfc74b06\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_83d5f74af7528f4a517ecad3135\" FOREIGN KEY (\"skill_id\") REFERENCES \"skills\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"handovers\" ADD CONSTRAINT \"FK_698819a1d782955909753e78f8a\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"handover_transitions\" ADD CONSTRAINT \"FK_fa61089411983828fffb7a4151d\" FOREIGN KEY (\"handover_id\") REFERENCES \"handovers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"posts\" ADD CONSTRAINT \"FK_62fb2bb41bfff437c60b3791a14\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"post_daily_counts\" ADD CONSTRAINT \"FK_6766b6b7755a75fe7519499eba3\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"adoption_samples\" ADD CONSTRAINT \"FK_694d847e467c07ee4784abde1e2\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"adoption_samples\" DROP CONSTRAINT \"FK_694d847e467c07ee4784abde1e2\"");
    await queryRunner.query("ALTER TABLE \"post_daily_counts\" DROP CONSTRAINT \"FK_6766b6b7755a75fe7519499eba3\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP CONSTRAINT \"FK_62fb2bb41bfff437c60b3791a14\"");
    await queryRunner.query("ALTER TABLE \"handover_transitions\" DROP CONSTRAINT \"FK_fa61089411983828fffb7a4151d\"");
    await queryRunner.query("ALTER TABLE \"handovers\" DROP CONSTRAINT \"FK_698819a1d782955909753e78f8a\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_83d5f74af7528f4a517ecad3135\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_0f4856768f33357c963bfc74b06\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_b00f5cc8755c7a21868829c77f9\"");
    await queryRunner.query("ALTER TABLE \"skills\" DROP CONSTRAINT \"FK_09411c5f6da8149b848c3bd4b9f\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"FK_165121432573e09539665e0dd74\"");
    await queryRunner.query("DROP TABLE \"adoption_samples\"");
    await queryRunner.query("DROP TABLE \"post_daily_counts\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_posts_plan_channel_external\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_posts_plan_published\"");
    await queryRunner.query("DROP TABLE \"posts\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_handover_transitions_handover\"");
    await queryRunner.query("DROP TABLE \"handover_transitions\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_handovers_plan_status\"");
    await queryRunner.query("DROP TABLE \"handovers\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assessments_current\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assessments_skill\"");
    await queryRunner.query("DROP TABLE \"assessments\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_skills_plan_name\"");
    await queryRunner.query("DROP TABLE \"skills\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_people_plan\"");
    await queryRunner.query("DROP TABLE \"people\"");
  }
}
