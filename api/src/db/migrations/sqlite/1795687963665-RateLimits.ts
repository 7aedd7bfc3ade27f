import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1795687963665 implements MigrationInterface {
  name = 'RateLimits1795687963665';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rate_limits\" (\"scope\" varchar(40) NOT NULL, \"subject\" varchar(320) NOT NULL, \"window_start\" varchar(30) NOT NULL, \"count\" integer NOT NULL, PRIMARY KEY (\"scope\", \"subject\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"rate_limits\"");
  }
}
