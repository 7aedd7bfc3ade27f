import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CacheGenerations1796014888685 implements MigrationInterface {
  name = 'CacheGenerations1796014888685';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cache_generations\" (\"scope\" varchar(80) PRIMARY KEY NOT NULL, \"generation\" integer NOT NULL)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"cache_generations\"");
  }
}
