import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostWeeklyCounts1795689536300 implements MigrationInterface {
  name = 'PostWeeklyCounts1795689536300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"post_weekly_counts\" (\"plan_id\" character varying(36) NOT NULL, \"week\" character varying(10) NOT NULL, \"channel\" character varying(50) NOT NULL, \"source\" character varying(20) NOT NULL, \"count\" integer NOT NULL, CONSTRAINT \"PK_2dda31874b90a63b125a5d4be49\" PRIMARY KEY (\"plan_id\", \"week\", \"channel\", \"source\"))");
    await queryRunner.query("ALTER TABLE \"post_weekly_counts\" ADD CONSTRAINT \"FK_5981b08a60c5d4531f6c4d71138\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Backfill from the daily rows: date_trunc('week') is the ISO Monday.
    await queryRunner.query("INSERT INTO \"post_weekly_counts\" (\"plan_id\", \"week\", \"channel\", \"source\", \"count\") SELECT \"plan_id\", to_char(date_trunc('week', \"day\"::date), 'YYYY-MM-DD'), \"channel\", \"source\", SUM(\"count\") FROM \"post_daily_counts\" GROUP BY 1, 2, 3, 4");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"post_weekly_counts\" DROP CONSTRAINT \"FK_5981b08a60c5d4531f6c4d71138\"");
    await queryRunner.query("DROP TABLE \"post_weekly_counts\"");
  }
}
