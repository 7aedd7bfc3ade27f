import 'reflect-metadata';
import { createDataSource, openDatabase, type Db } from '../../api/src/db/data-source';
import { postgresMigrations, sqliteMigrations } from '../../api/src/db/migrations';
import { freshDatabase } from '../support/database';

// The weekly rollups arrived after the daily ones: their migration fills them from the daily rows
// already there, so an existing database reads the same share after upgrading.

const PLAN = '0199a2b4-0000-7000-8000-00000000000a';

test('When the weekly rollup migration runs on a database with daily rollups, then each week holds the sum of its days', async () => {
  const database = await freshDatabase();
  let db: Db | undefined;
  try {
    const all = database.config.dialect === 'sqlite' ? sqliteMigrations : postgresMigrations;
    const weekly = all.findIndex((m) => m.name.startsWith('PostWeeklyCounts'));
    expect(weekly).toBeGreaterThan(0);
    const before = createDataSource(database.config);
    before.setOptions({ migrations: all.slice(0, weekly) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const p = (i: number) => (database.config.dialect === 'postgres' ? `$${i}` : '?');
    const now = '2026-03-20T10:00:00.000Z';
    await before.query(
      `INSERT INTO plans (id, name, brand, agency_name, start_date, target_exit_date, contract_end_date,
         target_in_house_share, target_sustain_weeks, target_internal_adoption, version, created_at, updated_at)
       VALUES (${p(1)}, 'Old', 'Acme', 'Loud', '2026-01-05', '2026-07-06', NULL, 0.9, 4, 0.6, 1, ${p(2)}, ${p(3)})`,
      [PLAN, now, now],
    );
    const days: Array<[string, string, string, number]> = [
      ['2026-03-01', 'x', 'agency', 2], // a Sunday: the week of Monday 2026-02-23
      ['2026-03-02', 'x', 'agency', 3], // Monday
      ['2026-03-08', 'x', 'agency', 4], // the Sunday of the same week
      ['2026-03-08', 'x', 'in_house', 5],
      ['2026-03-04', 'linkedin', 'agency', 1],
      ['2026-03-09', 'x', 'agency', 6], // the next Monday
    ];
    for (const [day, channel, source, count] of days) {
      await before.query(
        `INSERT INTO post_daily_counts (plan_id, day, channel, source, count) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
        [PLAN, day, channel, source, count],
      );
    }
    await before.destroy();

    db = await openDatabase(database.config);
    const rows: Array<{ week: string; channel: string; source: string; count: number | string }> = await db.read((m) =>
      m.query(`SELECT week, channel, source, count FROM post_weekly_counts WHERE plan_id = ${p(1)}`, [PLAN]),
    );
    expect(rows.map((r) => `${r.week}|${r.channel}|${r.source}=${Number(r.count)}`).sort()).toEqual([
      '2026-02-23|x|agency=2',
      '2026-03-02|linkedin|agency=1',
      '2026-03-02|x|agency=7',
      '2026-03-02|x|in_house=5',
      '2026-03-09|x|agency=6',
    ]);
  } finally {
    await db?.close();
    await database.drop();
  }
});
