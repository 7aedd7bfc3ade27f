import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostWeeklyCounts1795689533885 implements MigrationInterface {
  name = 'PostWeeklyCounts1795689533885';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"post_weekly_counts\" (\"plan_id\" varchar(36) NOT NULL, \"week\" varchar(10) NOT NULL, \"channel\" varchar(50) NOT NULL, \"source\" varchar(20) NOT NULL, \"count\" integer NOT NULL, CONSTRAINT \"FK_5981b08a60c5d4531f6c4d71138\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"plan_id\", \"week\", \"channel\", \"source\"))");
    // Backfill from the daily rows: the Monday of each day (strftime %w is 0 on Sunday).
    await queryRunner.query("INSERT INTO \"post_weekly_counts\" (\"plan_id\", \"week\", \"channel\", \"source\", \"count\") SELECT \"plan_id\", date(\"day\", '-' || ((CAST(strftime('%w', \"day\") AS INTEGER) + 6) % 7) || ' days'), \"channel\", \"source\", SUM(\"count\") FROM \"post_daily_counts\" GROUP BY 1, 2, 3, 4");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"post_weekly_counts\"");
  }
}
