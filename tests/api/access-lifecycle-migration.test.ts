import 'reflect-metadata';
import { createDataSource, openDatabase, type Db } from '../../api/src/db/data-source';
import { postgresMigrations, sqliteMigrations } from '../../api/src/db/migrations';
import { freshDatabase } from '../support/database';

// docs/domain.md#access-lifecycle: upgrading a database that has users, sessions, memberships and
// API tokens keeps every row; users come out active, memberships without an end, and the tokens
// already there expire 90 days after the upgrade.

const USER = '0199a2b4-0000-7000-8000-0000000000b1';
const PLAN = '0199a2b4-0000-7000-8000-0000000000b2';
const DAY = 86_400_000;

test('When the access-lifecycle migration runs on a database in use, then no row is lost and old tokens get 90 days', async () => {
  const database = await freshDatabase();
  let db: Db | undefined;
  try {
    const all = database.config.dialect === 'sqlite' ? sqliteMigrations : postgresMigrations;
    const lifecycle = all.findIndex((m) => m.name.startsWith('AccessLifecycle'));
    expect(lifecycle).toBeGreaterThan(0);
    const before = createDataSource(database.config);
    before.setOptions({ migrations: all.slice(0, lifecycle) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const p = (i: number) => (database.config.dialect === 'postgres' ? `$${i}` : '?');
    const at = '2026-03-20T10:00:00.000Z';
    await before.query(
      `INSERT INTO users (id, email, name, password_hash, is_admin, created_at, updated_at) VALUES (${p(1)}, 'old@example.com', 'Old', 'x', ${p(2)}, ${p(3)}, ${p(4)})`,
      [USER, database.config.dialect === 'postgres' ? false : 0, at, at],
    );
    await before.query(
      `INSERT INTO plans (id, name, brand, agency_name, start_date, target_exit_date, contract_end_date,
         target_in_house_share, target_sustain_weeks, target_internal_adoption, version, created_at, updated_at)
       VALUES (${p(1)}, 'Old', 'Acme', 'Loud', '2026-01-05', '2026-07-06', '2026-09-30', 0.9, 4, 0.6, 1, ${p(2)}, ${p(3)})`,
      [PLAN, at, at],
    );
    await before.query(`INSERT INTO plan_members (plan_id, user_id, role, created_at) VALUES (${p(1)}, ${p(2)}, 'agency', ${p(3)})`, [PLAN, USER, at]);
    await before.query(
      `INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, revoked_at) VALUES ('s1', ${p(1)}, 'hash-s1', ${p(2)}, ${p(3)}, ${p(4)}, NULL)`,
      [USER, at, at, '2026-03-21T10:00:00.000Z'],
    );
    await before.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at, revoked_at) VALUES ('t1', ${p(1)}, 'script', 'hash-t1', ${p(2)}, NULL, NULL), ('t2', ${p(3)}, 'old', 'hash-t2', ${p(4)}, NULL, ${p(5)})`,
      [USER, at, USER, at, at],
    );
    await before.destroy();

    const upgradeFrom = Date.now();
    db = await openDatabase(database.config);
    const upgradeTo = Date.now();
    const read = (sql: string) => db!.read((m) => m.query(sql)) as Promise<Array<Record<string, unknown>>>;
    const [user] = await read(`SELECT active FROM users WHERE id = '${USER}'`);
    expect(Boolean(user!.active)).toBe(true);
    expect(await read(`SELECT access_until FROM plan_members WHERE user_id = '${USER}'`)).toEqual([{ access_until: null }]);
    expect(await read(`SELECT id, token_hash FROM sessions`)).toEqual([{ id: 's1', token_hash: 'hash-s1' }]);
    const tokens = await read(`SELECT id, name, token_hash, revoked_at, expires_at, plan_id, scopes FROM api_tokens ORDER BY id`);
    expect(tokens.map(({ expires_at: _e, ...rest }) => rest)).toEqual([
      { id: 't1', name: 'script', token_hash: 'hash-t1', revoked_at: null, plan_id: null, scopes: '' },
      { id: 't2', name: 'old', token_hash: 'hash-t2', revoked_at: at, plan_id: null, scopes: '' },
    ]);
    for (const t of tokens) {
      const expiresAt = String(t.expires_at);
      expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // 90 days from the moment of the upgrade (the database's clock, to the second).
      expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(upgradeFrom + 90 * DAY - 1000);
      expect(Date.parse(expiresAt)).toBeLessThanOrEqual(upgradeTo + 90 * DAY + 1000);
    }
  } finally {
    await db?.close();
    await database.drop();
  }
});
