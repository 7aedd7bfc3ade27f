/**
 * The one cache mechanism of the API (docs/architecture.md#the-cache-rule).
 *
 * The rule: every write transaction that changes what a cache holds calls `invalidate` (for one
 * scope, or for all) inside that transaction, before it commits. A reader takes the generation
 * *before* it reads the database and stores what it read under that generation; a value is served
 * only while its scope is still at the generation it was read at. So a read that raced a write can
 * never be served after the write, whatever order their callbacks finish in.
 *
 * The bound: at most `maxEntries` values (the oldest stored is dropped first); a cache that has
 * seen more scopes than that forgets everything and starts again.
 *
 * Only for one process that is the only writer of its database (SQLite): the database layer creates
 * every cache disabled on PostgreSQL, where other processes write too and cannot invalidate ours.
 */
export class GenerationCache<V> {
  private readonly entries = new Map<string, { scope: string; generation: number; value: V }>();
  /** The stamp of the last invalidation per scope; `everything` is the last invalidation of all. */
  private readonly scopes = new Map<string, number>();
  private everything = 0;
  private stamps = 0;

  constructor(
    private readonly maxEntries: number,
    readonly enabled: boolean,
  ) {}

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
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { scope, generation, value });
  }

  /** Drop one value (it is known to be stale) without touching its scope. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Call inside the write transaction: one scope (e.g. a plan) or, without one, everything. */
  invalidate(scope?: string): void {
    this.stamps += 1;
    if (scope === undefined || this.scopes.size >= this.maxEntries) {
      this.everything = this.stamps;
      this.scopes.clear();
      this.entries.clear();
      return;
    }
    this.scopes.set(scope, this.stamps);
  }
}
