import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users gain `active`, memberships `access_until`, API tokens `expires_at`, `plan_id` and `scopes`.
 * Tokens made before this expire 90 days after the upgrade (docs/domain.md#access-lifecycle).
 */
export class AccessLifecycle1795988552300 implements MigrationInterface {
  name = 'AccessLifecycle1795988552300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "active" boolean NOT NULL DEFAULT true');
    await queryRunner.query('ALTER TABLE "plan_members" ADD "access_until" character varying(10)');
    await queryRunner.query('ALTER TABLE "api_tokens" ADD "expires_at" character varying(30)');
    await queryRunner.query(
      `UPDATE "api_tokens" SET "expires_at" = to_char((now() + interval '90 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query('ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "api_tokens" ADD "plan_id" character varying(36)');
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "scopes" character varying(200) NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "api_tokens" DROP COLUMN "scopes"');
    await queryRunner.query('ALTER TABLE "api_tokens" DROP COLUMN "plan_id"');
    await queryRunner.query('ALTER TABLE "api_tokens" DROP COLUMN "expires_at"');
    await queryRunner.query('ALTER TABLE "plan_members" DROP COLUMN "access_until"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "active"');
  }
}
