import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OverdueEvents1796006249976 implements MigrationInterface {
  name = 'OverdueEvents1796006249976';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"milestone_overdue_events\" (\"id\" character varying(36) NOT NULL, \"milestone_id\" character varying(36) NOT NULL, \"due_date\" character varying(10) NOT NULL, \"fired_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_55b54af97572206b8ed5ad40d24\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_milestone_overdue_events_due\" ON \"milestone_overdue_events\"  (\"milestone_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"plan_gate_states\" (\"plan_id\" character varying(36) NOT NULL, \"gates\" text, \"seen_activity_at\" character varying(30), \"checked_at\" character varying(30), CONSTRAINT \"PK_7d472f5cb17e1134061563e7f64\" PRIMARY KEY (\"plan_id\"))");
    await queryRunner.query("ALTER TABLE \"milestone_overdue_events\" ADD CONSTRAINT \"FK_f321e61b793a7c981a17b4c2b7f\" FOREIGN KEY (\"milestone_id\") REFERENCES \"milestones\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_gate_states\" ADD CONSTRAINT \"FK_7d472f5cb17e1134061563e7f64\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_gate_states\" DROP CONSTRAINT \"FK_7d472f5cb17e1134061563e7f64\"");
    await queryRunner.query("ALTER TABLE \"milestone_overdue_events\" DROP CONSTRAINT \"FK_f321e61b793a7c981a17b4c2b7f\"");
    await queryRunner.query("DROP TABLE \"plan_gate_states\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_milestone_overdue_events_due\"");
    await queryRunner.query("DROP TABLE \"milestone_overdue_events\"");
  }
}
