import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1795687964203 implements MigrationInterface {
  name = 'RateLimits1795687964203';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rate_limits\" (\"scope\" character varying(40) NOT NULL, \"subject\" character varying(320) NOT NULL, \"window_start\" character varying(30) NOT NULL, \"count\" integer NOT NULL, CONSTRAINT \"PK_586cb7ab8a9c8629fc8f0de8f5b\" PRIMARY KEY (\"scope\", \"subject\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"rate_limits\"");
  }
}
