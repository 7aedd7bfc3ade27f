import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796003249525 implements MigrationInterface {
  name = 'Outbox1796003249525';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"payload\" text NOT NULL, \"created_at\" varchar(30) NOT NULL, \"dispatched_at\" varchar(30))");
    await queryRunner.query("CREATE INDEX \"idx_outbox_events_dispatched\" ON \"outbox_events\" (\"dispatched_at\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"webhooks\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"url\" varchar(2048) NOT NULL, \"events\" text NOT NULL, \"format\" varchar(10) NOT NULL, \"active\" boolean NOT NULL, \"secret\" varchar(100) NOT NULL, \"previous_secret\" varchar(100), \"previous_secret_until\" varchar(30), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_webhooks_plan\" ON \"webhooks\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"webhook_deliveries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"webhook_id\" varchar(36) NOT NULL, \"event_id\" varchar(36) NOT NULL, \"event_type\" varchar(40) NOT NULL, \"state\" varchar(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"attempts\" text NOT NULL, \"first_attempt_at\" varchar(30), \"next_attempt_at\" varchar(30), \"last_status\" integer, \"last_error\" text, \"claim_token\" varchar(36), \"claimed_until\" varchar(30), \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_webhook\" ON \"webhook_deliveries\" (\"webhook_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_due\" ON \"webhook_deliveries\" (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_webhook_deliveries_event\" ON \"webhook_deliveries\" (\"webhook_id\", \"event_id\") ");
    await queryRunner.query("DROP INDEX \"idx_outbox_events_dispatched\"");
    await queryRunner.query("CREATE TABLE \"temporary_outbox_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"payload\" text NOT NULL, \"created_at\" varchar(30) NOT NULL, \"dispatched_at\" varchar(30), CONSTRAINT \"FK_2dd746b1999666998b6d20fb4ff\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_outbox_events\"(\"id\", \"plan_id\", \"type\", \"payload\", \"created_at\", \"dispatched_at\") SELECT \"id\", \"plan_id\", \"type\", \"payload\", \"created_at\", \"dispatched_at\" FROM \"outbox_events\"");
    await queryRunner.query("DROP TABLE \"outbox_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_outbox_events\" RENAME TO \"outbox_events\"");
    await queryRunner.query("CREATE INDEX \"idx_outbox_events_dispatched\" ON \"outbox_events\" (\"dispatched_at\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_webhooks_plan\"");
    await queryRunner.query("CREATE TABLE \"temporary_webhooks\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"url\" varchar(2048) NOT NULL, \"events\" text NOT NULL, \"format\" varchar(10) NOT NULL, \"active\" boolean NOT NULL, \"secret\" varchar(100) NOT NULL, \"previous_secret\" varchar(100), \"previous_secret_until\" varchar(30), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_eed36ef07a38703336d491c823f\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_webhooks\"(\"id\", \"plan_id\", \"url\", \"events\", \"format\", \"active\", \"secret\", \"previous_secret\", \"previous_secret_until\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"url\", \"events\", \"format\", \"active\", \"secret\", \"previous_secret\", \"previous_secret_until\", \"version\", \"created_at\", \"updated_at\" FROM \"webhooks\"");
    await queryRunner.query("DROP TABLE \"webhooks\"");
    await queryRunner.query("ALTER TABLE \"temporary_webhooks\" RENAME TO \"webhooks\"");
    await queryRunner.query("CREATE INDEX \"idx_webhooks_plan\" ON \"webhooks\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_webhook\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_due\"");
    await queryRunner.query("DROP INDEX \"uq_webhook_deliveries_event\"");
    await queryRunner.query("CREATE TABLE \"temporary_webhook_deliveries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"webhook_id\" varchar(36) NOT NULL, \"event_id\" varchar(36) NOT NULL, \"event_type\" varchar(40) NOT NULL, \"state\" varchar(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"attempts\" text NOT NULL, \"first_attempt_at\" varchar(30), \"next_attempt_at\" varchar(30), \"last_status\" integer, \"last_error\" text, \"claim_token\" varchar(36), \"claimed_until\" varchar(30), \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_a0286aeb96db651efd1ae2966f2\" FOREIGN KEY (\"webhook_id\") REFERENCES \"webhooks\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_27d1ee90033bdafe0ffe8f1be6f\" FOREIGN KEY (\"event_id\") REFERENCES \"outbox_events\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_webhook_deliveries\"(\"id\", \"plan_id\", \"webhook_id\", \"event_id\", \"event_type\", \"state\", \"attempt_count\", \"attempts\", \"first_attempt_at\", \"next_attempt_at\", \"last_status\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"webhook_id\", \"event_id\", \"event_type\", \"state\", \"attempt_count\", \"attempts\", \"first_attempt_at\", \"next_attempt_at\", \"last_status\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\" FROM \"webhook_deliveries\"");
    await queryRunner.query("DROP TABLE \"webhook_deliveries\"");
    await queryRunner.query("ALTER TABLE \"temporary_webhook_deliveries\" RENAME TO \"webhook_deliveries\"");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_webhook\" ON \"webhook_deliveries\" (\"webhook_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_due\" ON \"webhook_deliveries\" (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_webhook_deliveries_event\" ON \"webhook_deliveries\" (\"webhook_id\", \"event_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_webhook_deliveries_event\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_due\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_webhook\"");
    await queryRunner.query("ALTER TABLE \"webhook_deliveries\" RENAME TO \"temporary_webhook_deliveries\"");
    await queryRunner.query("CREATE TABLE \"webhook_deliveries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"webhook_id\" varchar(36) NOT NULL, \"event_id\" varchar(36) NOT NULL, \"event_type\" varchar(40) NOT NULL, \"state\" varchar(10) NOT NULL, \"attempt_count\" integer NOT NULL, \"attempts\" text NOT NULL, \"first_attempt_at\" varchar(30), \"next_attempt_at\" varchar(30), \"last_status\" integer, \"last_error\" text, \"claim_token\" varchar(36), \"claimed_until\" varchar(30), \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"webhook_deliveries\"(\"id\", \"plan_id\", \"webhook_id\", \"event_id\", \"event_type\", \"state\", \"attempt_count\", \"attempts\", \"first_attempt_at\", \"next_attempt_at\", \"last_status\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"webhook_id\", \"event_id\", \"event_type\", \"state\", \"attempt_count\", \"attempts\", \"first_attempt_at\", \"next_attempt_at\", \"last_status\", \"last_error\", \"claim_token\", \"claimed_until\", \"created_at\", \"updated_at\" FROM \"temporary_webhook_deliveries\"");
    await queryRunner.query("DROP TABLE \"temporary_webhook_deliveries\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_webhook_deliveries_event\" ON \"webhook_deliveries\" (\"webhook_id\", \"event_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_due\" ON \"webhook_deliveries\" (\"state\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_webhook\" ON \"webhook_deliveries\" (\"webhook_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_webhooks_plan\"");
    await queryRunner.query("ALTER TABLE \"webhooks\" RENAME TO \"temporary_webhooks\"");
    await queryRunner.query("CREATE TABLE \"webhooks\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"url\" varchar(2048) NOT NULL, \"events\" text NOT NULL, \"format\" varchar(10) NOT NULL, \"active\" boolean NOT NULL, \"secret\" varchar(100) NOT NULL, \"previous_secret\" varchar(100), \"previous_secret_until\" varchar(30), \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"webhooks\"(\"id\", \"plan_id\", \"url\", \"events\", \"format\", \"active\", \"secret\", \"previous_secret\", \"previous_secret_until\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"url\", \"events\", \"format\", \"active\", \"secret\", \"previous_secret\", \"previous_secret_until\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_webhooks\"");
    await queryRunner.query("DROP TABLE \"temporary_webhooks\"");
    await queryRunner.query("CREATE INDEX \"idx_webhooks_plan\" ON \"webhooks\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_outbox_events_dispatched\"");
    await queryRunner.query("ALTER TABLE \"outbox_events\" RENAME TO \"temporary_outbox_events\"");
    await queryRunner.query("CREATE TABLE \"outbox_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"payload\" text NOT NULL, \"created_at\" varchar(30) NOT NULL, \"dispatched_at\" varchar(30))");
    await queryRunner.query("INSERT INTO \"outbox_events\"(\"id\", \"plan_id\", \"type\", \"payload\", \"created_at\", \"dispatched_at\") SELECT \"id\", \"plan_id\", \"type\", \"payload\", \"created_at\", \"dispatched_at\" FROM \"temporary_outbox_events\"");
    await queryRunner.query("DROP TABLE \"temporary_outbox_events\"");
    await queryRunner.query("CREATE INDEX \"idx_outbox_events_dispatched\" ON \"outbox_events\" (\"dispatched_at\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_webhook_deliveries_event\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_due\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_webhook\"");
    await queryRunner.query("DROP TABLE \"webhook_deliveries\"");
    await queryRunner.query("DROP INDEX \"idx_webhooks_plan\"");
    await queryRunner.query("DROP TABLE \"webhooks\"");
    await queryRunner.query("DROP INDEX \"idx_outbox_events_dispatched\"");
    await queryRunner.query("DROP TABLE \"outbox_events\"");
  }
}
