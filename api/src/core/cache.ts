/**
 * The one cache mechanism of the API (docs/architecture.md#the-cache-rule).
 *
 * The rule: every write transaction that changes what a cache holds calls `invalidate` (for one
 * scope, or for all) inside that transaction, before it commits. A reader takes the generation
 * *before* it reads the database and stores what it read under that generation; a value is served
 * only while its scope is still at the generation it was read at. So a read that raced a write can
 * never be served after the write, whatever order their callbacks finish in.
 *
 * The bound is in bytes: each value costs its key (two bytes a character), its own size as the
 * cache's `sizeOf` estimates it, and a fixed overhead; the oldest stored are dropped until a new one
 * fits, and a value larger than a quarter of the bound is not kept at all. A cache that has seen
 * `MAX_SCOPES` scopes forgets everything and starts again.
 *
 * Only for one process that is the only writer of its database (SQLite): the database layer creates
 * every cache disabled on PostgreSQL, where other processes write too and cannot invalidate ours.
 */
export type CacheBound<V> = { maxBytes: number; sizeOf: (value: V) => number };

/** What a kept value costs beyond its key and itself: the map entry, its record, the numbers. */
const ENTRY_OVERHEAD = 120;
const MAX_SCOPES = 10_000;

export class GenerationCache<V> {
  private readonly entries = new Map<string, { scope: string; generation: number; value: V; bytes: number }>();
  private bytes = 0;
  /** The stamp of the last invalidation per scope; `everything` is the last invalidation of all. */
  private readonly scopes = new Map<string, number>();
  private everything = 0;
  private stamps = 0;

  constructor(
    private readonly bound: CacheBound<V>,
    readonly enabled: boolean,
  ) {}

  /** Bytes held now, as the bound counts them. */
  get size(): number {
    return this.bytes;
  }

  /** The generation of a scope now; take it before reading what you will store. */
  generation(scope: string): number {
    const scoped = this.scopes.get(scope);
    return scoped !== undefined && scoped > this.everything ? scoped : this.everything;
  }

  get(scope: string, key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.generation !== this.generation(scope)) return undefined;
    return entry.value;
  }

  /** Keep a value read at `generation`; nothing is kept if the scope changed meanwhile. */
  set(scope: string, key: string, generation: number, value: V): void {
    if (!this.enabled || generation !== this.generation(scope)) return;
    const bytes = key.length * 2 + this.bound.sizeOf(value) + ENTRY_OVERHEAD;
    if (bytes > this.bound.maxBytes / 4) return;
    this.delete(key);
    while (this.bytes + bytes > this.bound.maxBytes) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { scope, generation, value, bytes });
    this.bytes += bytes;
  }

  /** Drop one value (it is known to be stale) without touching its scope. */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Call inside the write transaction: one scope (e.g. a plan) or, without one, everything. */
  invalidate(scope?: string): void {
    this.stamps += 1;
    if (scope === undefined || this.scopes.size >= MAX_SCOPES) {
      this.everything = this.stamps;
      this.scopes.clear();
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    this.scopes.set(scope, this.stamps);
  }
}
