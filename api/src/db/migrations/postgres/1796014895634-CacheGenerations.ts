import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CacheGenerations1796014895634 implements MigrationInterface {
  name = 'CacheGenerations1796014895634';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cache_generations\" (\"scope\" character varying(80) NOT NULL, \"generation\" integer NOT NULL, CONSTRAINT \"PK_62418c68ec0b3d230df2060a647\" PRIMARY KEY (\"scope\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"cache_generations\"");
  }
}
