import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { DEFAULT_POOL_SIZE, type DatabaseConfig } from '../config';
import { GenerationCache, SharedGenerationCache, type CacheBound } from '../core/cache';
import type { BeforeCommit } from '../core/context';
import { entities } from './entities';
import { postgresMigrations, sqliteMigrations } from './migrations';
import { runAfterCommit } from './after-commit';
import { CacheListener } from './cache-listener';
import { GenerationReader } from './generation-reader';
import { readGenerations } from './repositories/cache-generations.repository';
import { pgRows } from './pg-rows';
import { localPlanCache, sharedPlanCache, type PlanCache } from './plan-cache';
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
    // docs/performance.md#the-pool: the default is what measured best.
    extra: { max: db.poolSize ?? DEFAULT_POOL_SIZE },
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
  private readonly planCaches = new Map<string, PlanCache<unknown>>();
  private readonly sharedCaches = new Map<string, SharedGenerationCache<unknown>>();
  private readonly generationReader = new GenerationReader((scopes) => readGenerations(this, this.dataSource.manager, scopes));
  private listener: CacheListener | null = null;

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
   * The named cache of this database (created on first use with its bound), for one process that
   * is the only writer: enabled on SQLite only. On PostgreSQL other processes write too and nothing
   * here would hear of it, so such a cache is off (docs/architecture.md#the-cache-rule).
   */
  cache<V>(name: string, bound: CacheBound<V>): GenerationCache<V> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new GenerationCache<V>(bound, this.dialect === 'sqlite') as GenerationCache<unknown>));
    return cache as GenerationCache<V>;
  }

  /**
   * The named per-plan cache of this database, on both dialects (docs/architecture.md#the-cache-rule):
   * on PostgreSQL its generations are rows every process reads and bumps.
   */
  planCache<V>(name: string, bound: CacheBound<V>): PlanCache<V> {
    let cache = this.planCaches.get(name) as PlanCache<V> | undefined;
    if (!cache) {
      cache = this.dialect === 'sqlite' ? localPlanCache(this.cache(name, bound)) : sharedPlanCache(this, this.sharedCache(name, bound));
      this.planCaches.set(name, cache as PlanCache<unknown>);
    }
    return cache;
  }

  /**
   * The named cache of this database for several processes (PostgreSQL): on while this process
   * listens for other processes' writes, and validated against generations in the database
   * (docs/performance.md#caches-across-processes). On SQLite it never starts.
   */
  sharedCache<V>(name: string, bound: CacheBound<V>): SharedGenerationCache<V> {
    let cache = this.sharedCaches.get(name) as SharedGenerationCache<V> | undefined;
    if (!cache) {
      cache = new SharedGenerationCache<V>(bound);
      if (this.listener?.listening) cache.start();
      this.sharedCaches.set(name, cache as SharedGenerationCache<unknown>);
    }
    return cache;
  }

  /**
   * The generations of these scopes as of a moment after this call (PostgreSQL): concurrent
   * callers share one statement (GenerationReader).
   */
  generations(scopes: string[]): Promise<Map<string, number>> {
    return this.generationReader.generations(scopes);
  }

  /** PostgreSQL: listen for other processes' writes, turning the shared caches on while listening. */
  async listenForWrites(url: string): Promise<void> {
    if (this.dialect !== 'postgres' || this.listener) return;
    this.listener = new CacheListener(url, {
      up: () => this.sharedCaches.forEach((c) => c.start()),
      down: () => this.sharedCaches.forEach((c) => c.stop()),
      heard: (scope, generation) => this.sharedCaches.forEach((c) => c.heardOf(scope, generation)),
    });
    await this.listener.start();
  }

  /**
   * Rows as arrays, in the SELECT's column order, for hot read paths. Call it inside read() or
   * write(). On SQLite the statement runs straight on the connection in better-sqlite3's raw mode:
   * building an object per row cost more than the query itself. On PostgreSQL it goes straight to
   * pg as well (pgRows); `prepare` makes it a named statement, parsed and planned once per
   * connection: only for statements of fixed text, as each connection keeps every one it prepared.
   * Parameters must be strings, numbers or null.
   */
  async rows(m: EntityManager, sql: string, params: unknown[] = [], options: { prepare?: boolean } = {}): Promise<unknown[][]> {
    if (this.dialect === 'postgres') return pgRows(this.dataSource, m, sql, params, options.prepare === true);
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
    await this.listener?.close();
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
  if (config.dialect === 'postgres') await db.listenForWrites(config.url);
  return db;
}
