import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OverdueEvents1796006248187 implements MigrationInterface {
  name = 'OverdueEvents1796006248187';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"milestone_overdue_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"milestone_id\" varchar(36) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"fired_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_milestone_overdue_events_due\" ON \"milestone_overdue_events\" (\"milestone_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"plan_gate_states\" (\"plan_id\" varchar(36) PRIMARY KEY NOT NULL, \"gates\" text, \"seen_activity_at\" varchar(30), \"checked_at\" varchar(30))");
    await queryRunner.query("DROP INDEX \"uq_milestone_overdue_events_due\"");
    await queryRunner.query("CREATE TABLE \"temporary_milestone_overdue_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"milestone_id\" varchar(36) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"fired_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_f321e61b793a7c981a17b4c2b7f\" FOREIGN KEY (\"milestone_id\") REFERENCES \"milestones\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_milestone_overdue_events\"(\"id\", \"milestone_id\", \"due_date\", \"fired_at\") SELECT \"id\", \"milestone_id\", \"due_date\", \"fired_at\" FROM \"milestone_overdue_events\"");
    await queryRunner.query("DROP TABLE \"milestone_overdue_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_milestone_overdue_events\" RENAME TO \"milestone_overdue_events\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_milestone_overdue_events_due\" ON \"milestone_overdue_events\" (\"milestone_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"temporary_plan_gate_states\" (\"plan_id\" varchar(36) PRIMARY KEY NOT NULL, \"gates\" text, \"seen_activity_at\" varchar(30), \"checked_at\" varchar(30), CONSTRAINT \"FK_7d472f5cb17e1134061563e7f64\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_plan_gate_states\"(\"plan_id\", \"gates\", \"seen_activity_at\", \"checked_at\") SELECT \"plan_id\", \"gates\", \"seen_activity_at\", \"checked_at\" FROM \"plan_gate_states\"");
    await queryRunner.query("DROP TABLE \"plan_gate_states\"");
    await queryRunner.query("ALTER TABLE \"temporary_plan_gate_states\" RENAME TO \"plan_gate_states\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_gate_states\" RENAME TO \"temporary_plan_gate_states\"");
    await queryRunner.query("CREATE TABLE \"plan_gate_states\" (\"plan_id\" varchar(36) PRIMARY KEY NOT NULL, \"gates\" text, \"seen_activity_at\" varchar(30), \"checked_at\" varchar(30))");
    await queryRunner.query("INSERT INTO \"plan_gate_states\"(\"plan_id\", \"gates\", \"seen_activity_at\", \"checked_at\") SELECT \"plan_id\", \"gates\", \"seen_activity_at\", \"checked_at\" FROM \"temporary_plan_gate_states\"");
    await queryRunner.query("DROP TABLE \"temporary_plan_gate_states\"");
    await queryRunner.query("DROP INDEX \"uq_milestone_overdue_events_due\"");
    await queryRunner.query("ALTER TABLE \"milestone_overdue_events\" RENAME TO \"temporary_milestone_overdue_events\"");
    await queryRunner.query("CREATE TABLE \"milestone_overdue_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"milestone_id\" varchar(36) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"fired_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"milestone_overdue_events\"(\"id\", \"milestone_id\", \"due_date\", \"fired_at\") SELECT \"id\", \"milestone_id\", \"due_date\", \"fired_at\" FROM \"temporary_milestone_overdue_events\"");
    await queryRunner.query("DROP TABLE \"temporary_milestone_overdue_events\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_milestone_overdue_events_due\" ON \"milestone_overdue_events\" (\"milestone_id\", \"due_date\") ");
    await queryRunner.query("DROP TABLE \"plan_gate_states\"");
    await queryRunner.query("DROP INDEX \"uq_milestone_overdue_events_due\"");
    await queryRunner.query("DROP TABLE \"milestone_overdue_events\"");
  }
}
