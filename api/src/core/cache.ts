/**
 * The cache mechanism of the API (docs/architecture.md#the-cache-rule).
 *
 * `GenerationCache`, for one process that is the only writer of its database (SQLite): every write
 * transaction that changes what a cache holds calls `invalidate` (for one scope, or for all) inside
 * that transaction, before it commits. A reader takes the generation *before* it reads the
 * database and stores what it read under that generation; a value is served only while its scope
 * is still at the generation it was read at. So a read that raced a write can never be served after
 * the write, whatever order their callbacks finish in.
 *
 * `SharedGenerationCache`, for several processes on one database (PostgreSQL): the generation of a
 * scope is a counter in the database instead, which the reader passes in
 * (docs/performance.md#caches-across-processes).
 *
 * The bound is in bytes: each value costs its key (two bytes a character), its own size as the
 * cache's `sizeOf` estimates it, and a fixed overhead; the oldest stored are dropped until a new one
 * fits, and a value larger than a quarter of the bound is not kept at all. A cache that has seen
 * `MAX_SCOPES` scopes forgets everything and starts again.
 */
export type CacheBound<V> = { maxBytes: number; sizeOf: (value: V) => number };

/** What a kept value costs beyond its key and itself: the map entry, its record, the numbers. */
const ENTRY_OVERHEAD = 120;
const MAX_SCOPES = 10_000;

type Entry<V> = { scope: string; generation: number; value: V; bytes: number };

/** Values by key within a byte bound, the oldest stored dropped first, with the keys of each scope. */
class BoundedStore<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByScope = new Map<string, Set<string>>();
  private bytes = 0;

  constructor(private readonly bound: CacheBound<V>) {}

  get size(): number {
    return this.bytes;
  }

  entry(key: string): Entry<V> | undefined {
    return this.entries.get(key);
  }

  put(scope: string, key: string, generation: number, value: V): void {
    const bytes = key.length * 2 + this.bound.sizeOf(value) + ENTRY_OVERHEAD;
    if (bytes > this.bound.maxBytes / 4) return;
    this.delete(key);
    while (this.bytes + bytes > this.bound.maxBytes) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { scope, generation, value, bytes });
    let keys = this.keysByScope.get(scope);
    if (!keys) this.keysByScope.set(scope, (keys = new Set()));
    keys.add(key);
    this.bytes += bytes;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const keys = this.keysByScope.get(entry.scope)!;
    keys.delete(key);
    if (keys.size === 0) this.keysByScope.delete(entry.scope);
    this.bytes -= entry.bytes;
  }

  /** Drop the scope's values stored at a generation below `generation`. */
  dropBelow(scope: string, generation: number): void {
    for (const key of [...(this.keysByScope.get(scope) ?? [])]) {
      if (this.entries.get(key)!.generation < generation) this.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.keysByScope.clear();
    this.bytes = 0;
  }
}

export class GenerationCache<V> {
  private readonly store: BoundedStore<V>;
  /** The stamp of the last invalidation per scope; `everything` is the last invalidation of all. */
  private readonly scopes = new Map<string, number>();
  private everything = 0;
  private stamps = 0;

  constructor(
    bound: CacheBound<V>,
    readonly enabled: boolean,
  ) {
    this.store = new BoundedStore(bound);
  }

  /** Bytes held now, as the bound counts them. */
  get size(): number {
    return this.store.size;
  }

  /** The generation of a scope now; take it before reading what you will store. */
  generation(scope: string): number {
    const scoped = this.scopes.get(scope);
    return scoped !== undefined && scoped > this.everything ? scoped : this.everything;
  }

  get(scope: string, key: string): V | undefined {
    const entry = this.store.entry(key);
    if (entry === undefined || entry.generation !== this.generation(scope)) return undefined;
    return entry.value;
  }

  /** Keep a value read at `generation`; nothing is kept if the scope changed meanwhile. */
  set(scope: string, key: string, generation: number, value: V): void {
    if (!this.enabled || generation !== this.generation(scope)) return;
    this.store.put(scope, key, generation, value);
  }

  /** Drop one value (it is known to be stale) without touching its scope. */
  delete(key: string): void {
    this.store.delete(key);
  }

  /** Call inside the write transaction: one scope (e.g. a plan) or, without one, everything. */
  invalidate(scope?: string): void {
    this.stamps += 1;
    if (scope === undefined || this.scopes.size >= MAX_SCOPES) {
      this.everything = this.stamps;
      this.scopes.clear();
      this.store.clear();
      return;
    }
    this.scopes.set(scope, this.stamps);
  }
}

/**
 * A cache whose generations live in the database (docs/performance.md#caches-across-processes).
 * A value is served only when it was stored under the generation the reader has just read from the
 * database: a write bumps that counter in its own transaction, so once it is acknowledged no process
 * serves what was read before it. Notifications of new generations only free memory early. Off
 * (nothing kept, nothing served) until `start`, and again after `stop`: while the process cannot
 * hear other processes' writes.
 */
export class SharedGenerationCache<V> {
  private readonly store: BoundedStore<V>;
  /** The newest generation heard of per scope: nothing older is stored again. */
  private readonly heard = new Map<string, number>();
  private on = false;

  constructor(bound: CacheBound<V>) {
    this.store = new BoundedStore(bound);
  }

  get enabled(): boolean {
    return this.on;
  }

  get size(): number {
    return this.store.size;
  }

  /** Caching starts from nothing. */
  start(): void {
    this.store.clear();
    this.heard.clear();
    this.on = true;
  }

  /** Caching stops; everything kept is dropped. */
  stop(): void {
    this.on = false;
    this.store.clear();
    this.heard.clear();
  }

  /** The scope a key is kept under, if it is: which generation to read before `get`. */
  scopeOf(key: string): string | undefined {
    return this.on ? this.store.entry(key)?.scope : undefined;
  }

  /** The value stored under exactly `generation`, the scope's generation as just read from the database. */
  get(scope: string, key: string, generation: number): V | undefined {
    if (!this.on) return undefined;
    const entry = this.store.entry(key);
    if (entry === undefined || entry.scope !== scope) return undefined;
    if (entry.generation === generation) return entry.value;
    if (entry.generation < generation) this.store.delete(key);
    return undefined;
  }

  /** Drop one value (it is known to be stale). */
  delete(key: string): void {
    this.store.delete(key);
  }

  /** Keep a value read after `generation` was read; an older generation than one kept or heard of is not kept. */
  set(scope: string, key: string, generation: number, value: V): void {
    if (!this.on || generation < (this.heard.get(scope) ?? 0)) return;
    const current = this.store.entry(key);
    if (current !== undefined && current.generation > generation) return;
    this.store.put(scope, key, generation, value);
  }

  /** A write committed `generation` of `scope` (heard through the database): drop what is older. */
  heardOf(scope: string, generation: number): void {
    if (!this.on || (this.heard.get(scope) ?? 0) >= generation) return;
    if (this.heard.size >= MAX_SCOPES) this.heard.clear();
    this.heard.set(scope, generation);
    this.store.dropBelow(scope, generation);
  }
}
