import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795686634338 implements MigrationInterface {
  name = 'Initial1795686634338';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"activity\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36), \"at\" character varying(30) NOT NULL, \"actor_id\" character varying(36) NOT NULL, \"actor_email\" character varying(254) NOT NULL, \"action\" character varying(50) NOT NULL, \"entity\" character varying(50) NOT NULL, \"entity_id\" character varying(100), \"changes\" text NOT NULL, CONSTRAINT \"PK_24625a1d6b1b089c8ae206fe467\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_activity_plan_at\" ON \"activity\"  (\"plan_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" character varying(36) NOT NULL, \"email\" character varying(254) NOT NULL, \"name\" character varying(200) NOT NULL, \"password_hash\" character varying(200) NOT NULL, \"is_admin\" boolean NOT NULL DEFAULT false, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_email\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE TABLE \"api_tokens\" (\"id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"name\" character varying(100) NOT NULL, \"token_hash\" character varying(64) NOT NULL, \"created_at\" character varying(30) NOT NULL, \"last_used_at\" character varying(30), \"revoked_at\" character varying(30), CONSTRAINT \"PK_c587455266b5fa8dace7194caac\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_api_tokens_user\" ON \"api_tokens\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_api_tokens_token_hash\" ON \"api_tokens\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"token_hash\" character varying(64) NOT NULL, \"created_at\" character varying(30) NOT NULL, \"last_seen_at\" character varying(30) NOT NULL, \"expires_at\" character varying(30) NOT NULL, \"revoked_at\" character varying(30), CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_sessions_user\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_sessions_token_hash\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"idempotency_keys\" (\"user_id\" character varying(36) NOT NULL, \"key\" character varying(255) NOT NULL, \"request_hash\" character varying(64) NOT NULL, \"status\" integer NOT NULL, \"body\" text NOT NULL, \"created_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_392b1af86f210d98d3f0c764728\" PRIMARY KEY (\"user_id\", \"key\"))");
    await queryRunner.query("CREATE TABLE \"plans\" (\"id\" character varying(36) NOT NULL, \"name\" character varying(200) NOT NULL, \"brand\" character varying(200) NOT NULL, \"agency_name\" character varying(200) NOT NULL, \"start_date\" character varying(10) NOT NULL, \"target_exit_date\" character varying(10) NOT NULL, \"contract_end_date\" character varying(10), \"target_in_house_share\" double precision NOT NULL, \"target_sustain_weeks\" integer NOT NULL, \"target_internal_adoption\" double precision NOT NULL, \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_3720521a81c7c24fe9b7202ba61\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"milestones\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"phase\" character varying(30) NOT NULL, \"owner\" character varying(200), \"due_date\" character varying(10) NOT NULL, \"status\" character varying(20) NOT NULL, \"weight\" integer NOT NULL, \"completed_at\" character varying(30), \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_0bdbfe399c777a6a8520ff902d9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_milestones_plan_due\" ON \"milestones\"  (\"plan_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"milestone_dependencies\" (\"milestone_id\" character varying(36) NOT NULL, \"depends_on_id\" character varying(36) NOT NULL, CONSTRAINT \"PK_d0fb530eee80f5b54348911d3b1\" PRIMARY KEY (\"milestone_id\", \"depends_on_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_milestone_dependencies_target\" ON \"milestone_dependencies\"  (\"depends_on_id\") ");
    await queryRunner.query("CREATE TABLE \"plan_members\" (\"plan_id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"role\" character varying(20) NOT NULL, \"created_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_48bf4b3c484b380cd1193d68ef7\" PRIMARY KEY (\"plan_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_plan_members_user\" ON \"plan_members\"  (\"user_id\") ");
    await queryRunner.query("ALTER TABLE \"api_tokens\" ADD CONSTRAINT \"FK_b74883f5884a42fd8496d389b25\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"milestones\" ADD CONSTRAINT \"FK_9dea51849ab531e87c9548c7624\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"milestone_dependencies\" ADD CONSTRAINT \"FK_94cc172f905f72a5ff2461f1bed\" FOREIGN KEY (\"milestone_id\") REFERENCES \"milestones\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"milestone_dependencies\" ADD CONSTRAINT \"FK_875897b1dd042f23f551d4e6fe9\" FOREIGN KEY (\"depends_on_id\") REFERENCES \"milestones\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_members\" ADD CONSTRAINT \"FK_0988507c7613213b91d32be82f5\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_members\" ADD CONSTRAINT \"FK_112040db3ba25a13a073fbc1b2f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_members\" DROP CONSTRAINT \"FK_112040db3ba25a13a073fbc1b2f\"");
    await queryRunner.query("ALTER TABLE \"plan_members\" DROP CONSTRAINT \"FK_0988507c7613213b91d32be82f5\"");
    await queryRunner.query("ALTER TABLE \"milestone_dependencies\" DROP CONSTRAINT \"FK_875897b1dd042f23f551d4e6fe9\"");
    await queryRunner.query("ALTER TABLE \"milestone_dependencies\" DROP CONSTRAINT \"FK_94cc172f905f72a5ff2461f1bed\"");
    await queryRunner.query("ALTER TABLE \"milestones\" DROP CONSTRAINT \"FK_9dea51849ab531e87c9548c7624\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\"");
    await queryRunner.query("ALTER TABLE \"api_tokens\" DROP CONSTRAINT \"FK_b74883f5884a42fd8496d389b25\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_plan_members_user\"");
    await queryRunner.query("DROP TABLE \"plan_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_milestone_dependencies_target\"");
    await queryRunner.query("DROP TABLE \"milestone_dependencies\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_milestones_plan_due\"");
    await queryRunner.query("DROP TABLE \"milestones\"");
    await queryRunner.query("DROP TABLE \"plans\"");
    await queryRunner.query("DROP TABLE \"idempotency_keys\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_sessions_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sessions_user\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_api_tokens_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_api_tokens_user\"");
    await queryRunner.query("DROP TABLE \"api_tokens\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_activity_plan_at\"");
    await queryRunner.query("DROP TABLE \"activity\"");
  }
}
