import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Snapshots1796003230187 implements MigrationInterface {
  name = 'Snapshots1796003230187';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"baselines\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"name\" varchar(200) NOT NULL, \"milestone_count\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_baselines_plan_created\" ON \"baselines\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"baseline_items\" (\"baseline_id\" varchar(36) NOT NULL, \"milestone_id\" varchar(36) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"weight\" integer NOT NULL, PRIMARY KEY (\"baseline_id\", \"milestone_id\"))");
    await queryRunner.query("CREATE TABLE \"snapshots\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(10) NOT NULL, \"week_start\" varchar(10), \"as_of\" varchar(10) NOT NULL, \"taken_at\" varchar(30) NOT NULL, \"rag\" varchar(10), \"note\" text, \"summary\" text NOT NULL, \"targets\" text NOT NULL, \"items\" text NOT NULL, \"approximate\" boolean NOT NULL, \"version\" integer NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_snapshots_plan_taken\" ON \"snapshots\" (\"plan_id\", \"taken_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_snapshots_plan_week\" ON \"snapshots\" (\"plan_id\", \"week_start\") ");
    await queryRunner.query("DROP INDEX \"idx_baselines_plan_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_baselines\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"name\" varchar(200) NOT NULL, \"milestone_count\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_b0750042d0a1195d880710b3e07\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_baselines\"(\"id\", \"plan_id\", \"name\", \"milestone_count\", \"created_at\") SELECT \"id\", \"plan_id\", \"name\", \"milestone_count\", \"created_at\" FROM \"baselines\"");
    await queryRunner.query("DROP TABLE \"baselines\"");
    await queryRunner.query("ALTER TABLE \"temporary_baselines\" RENAME TO \"baselines\"");
    await queryRunner.query("CREATE INDEX \"idx_baselines_plan_created\" ON \"baselines\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"temporary_baseline_items\" (\"baseline_id\" varchar(36) NOT NULL, \"milestone_id\" varchar(36) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"weight\" integer NOT NULL, CONSTRAINT \"FK_4b96e9ab8c3c2fbef3b190c72f7\" FOREIGN KEY (\"baseline_id\") REFERENCES \"baselines\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"baseline_id\", \"milestone_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_baseline_items\"(\"baseline_id\", \"milestone_id\", \"due_date\", \"weight\") SELECT \"baseline_id\", \"milestone_id\", \"due_date\", \"weight\" FROM \"baseline_items\"");
    await queryRunner.query("DROP TABLE \"baseline_items\"");
    await queryRunner.query("ALTER TABLE \"temporary_baseline_items\" RENAME TO \"baseline_items\"");
    await queryRunner.query("DROP INDEX \"idx_snapshots_plan_taken\"");
    await queryRunner.query("DROP INDEX \"uq_snapshots_plan_week\"");
    await queryRunner.query("CREATE TABLE \"temporary_snapshots\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(10) NOT NULL, \"week_start\" varchar(10), \"as_of\" varchar(10) NOT NULL, \"taken_at\" varchar(30) NOT NULL, \"rag\" varchar(10), \"note\" text, \"summary\" text NOT NULL, \"targets\" text NOT NULL, \"items\" text NOT NULL, \"approximate\" boolean NOT NULL, \"version\" integer NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_9f1834f71fab8223c88781fbc3f\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_snapshots\"(\"id\", \"plan_id\", \"kind\", \"week_start\", \"as_of\", \"taken_at\", \"rag\", \"note\", \"summary\", \"targets\", \"items\", \"approximate\", \"version\", \"updated_at\") SELECT \"id\", \"plan_id\", \"kind\", \"week_start\", \"as_of\", \"taken_at\", \"rag\", \"note\", \"summary\", \"targets\", \"items\", \"approximate\", \"version\", \"updated_at\" FROM \"snapshots\"");
    await queryRunner.query("DROP TABLE \"snapshots\"");
    await queryRunner.query("ALTER TABLE \"temporary_snapshots\" RENAME TO \"snapshots\"");
    await queryRunner.query("CREATE INDEX \"idx_snapshots_plan_taken\" ON \"snapshots\" (\"plan_id\", \"taken_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_snapshots_plan_week\" ON \"snapshots\" (\"plan_id\", \"week_start\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_snapshots_plan_week\"");
    await queryRunner.query("DROP INDEX \"idx_snapshots_plan_taken\"");
    await queryRunner.query("ALTER TABLE \"snapshots\" RENAME TO \"temporary_snapshots\"");
    await queryRunner.query("CREATE TABLE \"snapshots\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"kind\" varchar(10) NOT NULL, \"week_start\" varchar(10), \"as_of\" varchar(10) NOT NULL, \"taken_at\" varchar(30) NOT NULL, \"rag\" varchar(10), \"note\" text, \"summary\" text NOT NULL, \"targets\" text NOT NULL, \"items\" text NOT NULL, \"approximate\" boolean NOT NULL, \"version\" integer NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"snapshots\"(\"id\", \"plan_id\", \"kind\", \"week_start\", \"as_of\", \"taken_at\", \"rag\", \"note\", \"summary\", \"targets\", \"items\", \"approximate\", \"version\", \"updated_at\") SELECT \"id\", \"plan_id\", \"kind\", \"week_start\", \"as_of\", \"taken_at\", \"rag\", \"note\", \"summary\", \"targets\", \"items\", \"approximate\", \"version\", \"updated_at\" FROM \"temporary_snapshots\"");
    await queryRunner.query("DROP TABLE \"temporary_snapshots\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_snapshots_plan_week\" ON \"snapshots\" (\"plan_id\", \"week_start\") ");
    await queryRunner.query("CREATE INDEX \"idx_snapshots_plan_taken\" ON \"snapshots\" (\"plan_id\", \"taken_at\") ");
    await queryRunner.query("ALTER TABLE \"baseline_items\" RENAME TO \"temporary_baseline_items\"");
    await queryRunner.query("CREATE TABLE \"baseline_items\" (\"baseline_id\" varchar(36) NOT NULL, \"milestone_id\" varchar(36) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"weight\" integer NOT NULL, PRIMARY KEY (\"baseline_id\", \"milestone_id\"))");
    await queryRunner.query("INSERT INTO \"baseline_items\"(\"baseline_id\", \"milestone_id\", \"due_date\", \"weight\") SELECT \"baseline_id\", \"milestone_id\", \"due_date\", \"weight\" FROM \"temporary_baseline_items\"");
    await queryRunner.query("DROP TABLE \"temporary_baseline_items\"");
    await queryRunner.query("DROP INDEX \"idx_baselines_plan_created\"");
    await queryRunner.query("ALTER TABLE \"baselines\" RENAME TO \"temporary_baselines\"");
    await queryRunner.query("CREATE TABLE \"baselines\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"name\" varchar(200) NOT NULL, \"milestone_count\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"baselines\"(\"id\", \"plan_id\", \"name\", \"milestone_count\", \"created_at\") SELECT \"id\", \"plan_id\", \"name\", \"milestone_count\", \"created_at\" FROM \"temporary_baselines\"");
    await queryRunner.query("DROP TABLE \"temporary_baselines\"");
    await queryRunner.query("CREATE INDEX \"idx_baselines_plan_created\" ON \"baselines\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_snapshots_plan_week\"");
    await queryRunner.query("DROP INDEX \"idx_snapshots_plan_taken\"");
    await queryRunner.query("DROP TABLE \"snapshots\"");
    await queryRunner.query("DROP TABLE \"baseline_items\"");
    await queryRunner.query("DROP INDEX \"idx_baselines_plan_created\"");
    await queryRunner.query("DROP TABLE \"baselines\"");
  }
}
