import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users gain `active`, memberships `access_until` (both added in place: rebuilding `users` would
 * drop what references it), API tokens `expires_at`, `plan_id` and `scopes`. `api_tokens` is rebuilt
 * because SQLite cannot add a NOT NULL column without a default; nothing references it. Tokens made
 * before this expire 90 days after the upgrade (docs/domain.md#access-lifecycle).
 */
export class AccessLifecycle1795988552100 implements MigrationInterface {
  name = 'AccessLifecycle1795988552100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "active" boolean NOT NULL DEFAULT (1)');
    await queryRunner.query('ALTER TABLE "plan_members" ADD COLUMN "access_until" varchar(10)');
    await queryRunner.query('DROP INDEX "uq_api_tokens_token_hash"');
    await queryRunner.query('DROP INDEX "idx_api_tokens_user"');
    await queryRunner.query(
      'CREATE TABLE "temporary_api_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "token_hash" varchar(64) NOT NULL, "created_at" varchar(30) NOT NULL, "last_used_at" varchar(30), "revoked_at" varchar(30), "expires_at" varchar(30) NOT NULL, "plan_id" varchar(36), "scopes" varchar(200) NOT NULL DEFAULT (\'\'), CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      `INSERT INTO "temporary_api_tokens"("id", "user_id", "name", "token_hash", "created_at", "last_used_at", "revoked_at", "expires_at") SELECT "id", "user_id", "name", "token_hash", "created_at", "last_used_at", "revoked_at", strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') FROM "api_tokens"`,
    );
    await queryRunner.query('DROP TABLE "api_tokens"');
    await queryRunner.query('ALTER TABLE "temporary_api_tokens" RENAME TO "api_tokens"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_api_tokens_token_hash" ON "api_tokens" ("token_hash") ');
    await queryRunner.query('CREATE INDEX "idx_api_tokens_user" ON "api_tokens" ("user_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_api_tokens_user"');
    await queryRunner.query('DROP INDEX "uq_api_tokens_token_hash"');
    await queryRunner.query('ALTER TABLE "api_tokens" RENAME TO "temporary_api_tokens"');
    await queryRunner.query(
      'CREATE TABLE "api_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "token_hash" varchar(64) NOT NULL, "created_at" varchar(30) NOT NULL, "last_used_at" varchar(30), "revoked_at" varchar(30), CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "api_tokens"("id", "user_id", "name", "token_hash", "created_at", "last_used_at", "revoked_at") SELECT "id", "user_id", "name", "token_hash", "created_at", "last_used_at", "revoked_at" FROM "temporary_api_tokens"',
    );
    await queryRunner.query('DROP TABLE "temporary_api_tokens"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_api_tokens_token_hash" ON "api_tokens" ("token_hash") ');
    await queryRunner.query('CREATE INDEX "idx_api_tokens_user" ON "api_tokens" ("user_id") ');
    await queryRunner.query('ALTER TABLE "plan_members" DROP COLUMN "access_until"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "active"');
  }
}
