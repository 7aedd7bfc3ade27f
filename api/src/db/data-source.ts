import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { GenerationCache, type CacheBound } from '../core/cache';
import type { BeforeCommit } from '../core/context';
import { entities } from './entities';
import { postgresMigrations, sqliteMigrations } from './migrations';
import { runAfterCommit } from './after-commit';
import { Mutex } from './mutex';
import { SnakeNamingStrategy } from './naming';

export type Dialect = DatabaseConfig['dialect'];

/** A unit of work's handle on the database: what repositories take as their first argument. */
export type Tx = EntityManager;

/** The one place that knows which database is underneath. */
export function createDataSource(db: DatabaseConfig, options: { synchronize?: boolean } = {}): DataSource {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: options.synchronize ?? false,
    migrationsRun: false,
    logging: false,
  } as const;
  if (db.dialect === 'sqlite') {
    if (db.path !== ':memory:') fs.mkdirSync(path.dirname(db.path), { recursive: true });
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      migrations: sqliteMigrations,
      prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = FULL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
      },
    });
  }
  return new DataSource({
    ...common,
    type: 'postgres',
    url: db.url,
    migrations: postgresMigrations,
    extra: { max: 10 },
  });
}

/**
 * Database access for services. On SQLite TypeORM shares one connection, so every unit of work,
 * read or write, takes the one mutex: a read can never observe another request's open transaction.
 * On PostgreSQL reads use the pool and writes run in their own transaction.
 */
export class Db {
  private readonly mutex = new Mutex();
  private readonly statements = new Map<string, import('better-sqlite3').Statement>();
  private readonly caches = new Map<string, GenerationCache<unknown>>();

  constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
  ) {}

  read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.mutex.run(() => fn(this.dataSource.manager));
    return fn(this.dataSource.manager);
  }

  /**
   * One transaction. On PostgreSQL a transaction that loses a deadlock (40P01) or a serialization
   * conflict (40001) has changed nothing, so it is run again, after a short random pause, instead
   * of failing the request: `fn` must therefore do nothing outside the database that cannot repeat.
   *
   * `beforeCommit` (the request's, see RequestCtx) runs inside the first transaction that commits,
   * after `fn`, with what `fn` returned: the idempotency wrapper stores a response this way, so the
   * change and the stored response stand or fall together.
   */
  async write<T>(fn: (m: EntityManager) => Promise<T>, beforeCommit?: BeforeCommit): Promise<T> {
    const pending = beforeCommit && !beforeCommit.done ? beforeCommit : undefined;
    let manager: EntityManager | undefined;
    const work = async (m: EntityManager) => {
      manager = m;
      const result = await fn(m);
      if (pending) await pending.run(m, result);
      return result;
    };
    const committed = <R>(result: R): R => {
      if (pending) pending.done = true;
      runAfterCommit(manager);
      return result;
    };
    if (this.dialect === 'sqlite') return committed(await this.mutex.run(() => this.dataSource.transaction(work)));
    for (let attempt = 1; ; attempt++) {
      try {
        return committed(await this.dataSource.transaction(work));
      } catch (error) {
        if (attempt >= WRITE_ATTEMPTS || !isRetryableConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
      }
    }
  }

  /**
   * A write transaction whose loss in a power cut is harmless, because a later durable commit
   * decides whether it counts: an import's chunks (docs/architecture.md#the-database). SQLite
   * commits it without waiting for the disk (`synchronous = NORMAL` for this transaction only; in
   * WAL mode the next full commit's sync covers its frames), PostgreSQL with `synchronous_commit`
   * off. A crash of the process loses nothing either way; only a power cut may lose the last ones.
   */
  async bulkWrite<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') {
      return this.write(async (m) => {
        await m.query('SET LOCAL synchronous_commit TO OFF');
        return fn(m);
      });
    }
    return this.mutex.run(async () => {
      const conn = (this.dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database }).databaseConnection;
      conn.pragma('synchronous = NORMAL');
      try {
        return await this.dataSource.transaction(fn);
      } finally {
        conn.pragma('synchronous = FULL');
      }
    });
  }

  /**
   * The named cache of this database (created on first use with its bound). Enabled on SQLite only,
   * where this process is the one writer; on PostgreSQL other processes write too and nothing here
   * would hear of it, so every cache is off (docs/architecture.md#the-cache-rule).
   */
  cache<V>(name: string, bound: CacheBound<V>): GenerationCache<V> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new GenerationCache<V>(bound, this.dialect === 'sqlite') as GenerationCache<unknown>));
    return cache as GenerationCache<V>;
  }

  /**
   * Rows as arrays, in the SELECT's column order, for hot read paths. Call it inside read() or
   * write(). On SQLite the statement runs straight on the connection in better-sqlite3's raw mode:
   * building an object per row cost more than the query itself. On PostgreSQL it goes through the
   * manager. Parameters must be strings, numbers or null. Give every selected column a distinct
   * name: PostgreSQL returns objects keyed by column name.
   */
  async rows(m: EntityManager, sql: string, params: unknown[] = []): Promise<unknown[][]> {
    if (this.dialect === 'postgres') {
      const result: Array<Record<string, unknown>> = await m.query(sql, params);
      return result.map((r) => Object.values(r));
    }
    let statement = this.statements.get(sql);
    if (!statement) {
      const conn = (this.dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database })
        .databaseConnection;
      statement = conn.prepare(sql).raw(true);
      if (this.statements.size >= 200) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement.all(...params) as unknown[][];
  }

  /** Take a row lock on the plan for the rest of the transaction (PostgreSQL; SQLite is already serial). */
  async lockPlan(m: EntityManager, planId: string): Promise<void> {
    if (this.dialect === 'postgres') await m.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [planId]);
  }

  /** `$1` on PostgreSQL, `?` on SQLite. */
  param(index: number): string {
    return this.dialect === 'postgres' ? `$${index}` : '?';
  }

  async runMigrations(): Promise<void> {
    if (this.dialect === 'sqlite') {
      await this.mutex.run(async () => {
        await this.dataSource.runMigrations({ transaction: 'each' });
      });
      return;
    }
    // Two processes starting at once must not both migrate: serialise on an advisory lock.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(7301984)');
      await this.dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(7301984)').catch(() => undefined);
      await runner.release();
    }
  }

  async ping(): Promise<void> {
    await this.read((m) => m.query('SELECT 1'));
  }

  async close(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    if (this.dialect === 'sqlite') {
      await this.mutex.run(async () => {
        await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
        await this.dataSource.destroy();
      });
      return;
    }
    await this.dataSource.destroy();
  }
}

const WRITE_ATTEMPTS = 8;

/** PostgreSQL deadlock_detected or serialization_failure: the transaction was rolled back and may run again. */
export function isRetryableConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  return code === '40P01' || code === '40001';
}

/** True when the error is a unique-constraint violation, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const e = error as QueryFailedError & { driverError?: { code?: string } };
  const code = e.driverError?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  const db = new Db(dataSource, config.dialect);
  await db.runMigrations();
  return db;
}
