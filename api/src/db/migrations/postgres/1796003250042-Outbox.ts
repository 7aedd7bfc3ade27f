import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796003250042 implements MigrationInterface {
  name = 'Outbox1796003250042';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_events\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"type\" character varying(40) NOT NULL, \"payload\" text NOT NULL, \"created_at\" character varying(30) NOT NULL, \"dispatched_at\" character varying(30), CONSTRAINT \"PK_6689a16c00d09b8089f6237f1d2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_outbox_events_dispatched\" ON \"outbox_events\"  (\"dispatched_at\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"webhooks\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"url\" character varying(2048) NOT NULL, \"events\" text NOT NULL, \"format\" character varying(10) NOT NULL, \"active\" boolean NOT NULL, \"secret\" character varying(100) NOT NULL, \"previous_secret\" character varying(100), \"previous_secret_until\" character varying(30), \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_9e8795cfc899ab7bdaa831e8527\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_webhooks_plan\" ON \"webhooks\"  (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"webhook_deliveries\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"webhook_id\" character varying(36) NOT NULL, \"event_id\" character varying(36) NOT NULL, \"event_type\" character varying(40) NOT NULL, \"state\" character varying(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"attempts\" text NOT NULL, \"first_attempt_at\" character varying(30), \"next_attempt_at\" character varying(30), \"last_status\" integer, \"last_error\" text, \"claim_token\" character varying(36), \"claimed_until\" character varying(30), \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_535dd409947fb6d8fc6dfc0112a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_webhook\" ON \"webhook_deliveries\"  (\"webhook_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_due\" ON \"webhook_deliveries\"  (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_webhook_deliveries_event\" ON \"webhook_deliveries\"  (\"webhook_id\", \"event_id\") ");
    await queryRunner.query("ALTER TABLE \"outbox_events\" ADD CONSTRAINT \"FK_2dd746b1999666998b6d20fb4ff\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"webhooks\" ADD CONSTRAINT \"FK_eed36ef07a38703336d491c823f\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"webhook_deliveries\" ADD CONSTRAINT \"FK_a0286aeb96db651efd1ae2966f2\" FOREIGN KEY (\"webhook_id\") REFERENCES \"webhooks\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"webhook_deliveries\" ADD CONSTRAINT \"FK_27d1ee90033bdafe0ffe8f1be6f\" FOREIGN KEY (\"event_id\") REFERENCES \"outbox_events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"webhook_deliveries\" DROP CONSTRAINT \"FK_27d1ee90033bdafe0ffe8f1be6f\"");
    await queryRunner.query("ALTER TABLE \"webhook_deliveries\" DROP CONSTRAINT \"FK_a0286aeb96db651efd1ae2966f2\"");
    await queryRunner.query("ALTER TABLE \"webhooks\" DROP CONSTRAINT \"FK_eed36ef07a38703336d491c823f\"");
    await queryRunner.query("ALTER TABLE \"outbox_events\" DROP CONSTRAINT \"FK_2dd746b1999666998b6d20fb4ff\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_webhook_deliveries_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_webhook_deliveries_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_webhook_deliveries_webhook\"");
    await queryRunner.query("DROP TABLE \"webhook_deliveries\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_webhooks_plan\"");
    await queryRunner.query("DROP TABLE \"webhooks\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_outbox_events_dispatched\"");
    await queryRunner.query("DROP TABLE \"outbox_events\"");
  }
}
