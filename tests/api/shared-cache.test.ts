import { SharedGenerationCache } from '../../api/src/core/cache';
import { GenerationReader } from '../../api/src/db/generation-reader';

// The pieces of the caches across processes that need no database
// (docs/performance.md#caches-across-processes); tests/scale/cache-staleness.test.ts runs them
// with two processes on PostgreSQL.

const cache = () => {
  const c = new SharedGenerationCache<string>({ maxBytes: 1 << 20, sizeOf: (v) => v.length * 2 });
  c.start();
  return c;
};

describe('SharedGenerationCache', () => {
  test('When a value was stored at a generation, then it is served only for that same generation of its scope', () => {
    const c = cache();
    c.set('plan:1', 'page', 3, 'at three');
    expect(c.scopeOf('page')).toBe('plan:1');
    expect(c.get('plan:1', 'page', 3)).toBe('at three');
    expect(c.get('plan:2', 'page', 3)).toBeUndefined();
    // A newer generation read from the database: the value is stale and dropped.
    expect(c.get('plan:1', 'page', 4)).toBeUndefined();
    expect(c.get('plan:1', 'page', 3)).toBeUndefined();
    expect(c.scopeOf('page')).toBeUndefined();
  });

  test('When a read raced a write, then what it read at the older generation is not kept over a newer value or after the newer generation was heard of', () => {
    const c = cache();
    c.set('plan:1', 'page', 5, 'at five');
    c.set('plan:1', 'page', 4, 'at four, late');
    expect(c.get('plan:1', 'page', 5)).toBe('at five');

    c.heardOf('plan:1', 6);
    expect(c.get('plan:1', 'page', 5)).toBeUndefined();
    c.set('plan:1', 'page', 5, 'at five, late');
    expect(c.scopeOf('page')).toBeUndefined();
    c.set('plan:1', 'page', 6, 'at six');
    expect(c.get('plan:1', 'page', 6)).toBe('at six');
  });

  test('When a newer generation is heard of, then only that scope loses what is older', () => {
    const c = cache();
    c.set('plan:1', 'a', 2, 'a2');
    c.set('plan:1', 'b', 3, 'b3');
    c.set('plan:2', 'c', 1, 'c1');
    c.heardOf('plan:1', 3);
    expect(c.scopeOf('a')).toBeUndefined();
    expect(c.get('plan:1', 'b', 3)).toBe('b3');
    expect(c.get('plan:2', 'c', 1)).toBe('c1');
  });

  test('When caching is stopped (the listener dropped), then nothing is served or kept until it starts again, empty', () => {
    const c = cache();
    c.set('user:1', 'session', 1, 'row');
    c.stop();
    expect(c.enabled).toBe(false);
    expect(c.get('user:1', 'session', 1)).toBeUndefined();
    c.set('user:1', 'session', 1, 'row');
    expect(c.size).toBe(0);
    c.start();
    expect(c.get('user:1', 'session', 1)).toBeUndefined();
    c.set('user:1', 'session', 1, 'row again');
    expect(c.get('user:1', 'session', 1)).toBe('row again');
  });
});

describe('GenerationReader', () => {
  const deferred = () => {
    let resolve!: (m: Map<string, number>) => void;
    const promise = new Promise<Map<string, number>>((r) => (resolve = r));
    return { promise, resolve };
  };

  test('When requests arrive while a read is out, then they are answered by the next read, sent after they asked, which they share', async () => {
    const reads: Array<{ scopes: string[]; answer: ReturnType<typeof deferred> }> = [];
    const reader = new GenerationReader((scopes) => {
      const answer = deferred();
      reads.push({ scopes, answer });
      return answer.promise;
    });
    const first = reader.generations(['plan:1']);
    expect(reads).toHaveLength(1);
    // Two more arrive while the first read is out: they must not get its answer.
    const second = reader.generations(['plan:1', 'user:1']);
    const third = reader.generations(['plan:2']);
    expect(reads).toHaveLength(1);
    reads[0]!.answer.resolve(new Map([['plan:1', 1]]));
    expect(await first).toEqual(new Map([['plan:1', 1]]));

    await new Promise((r) => setImmediate(r));
    expect(reads).toHaveLength(2);
    expect(reads[1]!.scopes.sort()).toEqual(['plan:1', 'plan:2', 'user:1']);
    const later = new Map([['plan:1', 2], ['plan:2', 7], ['user:1', 4]]);
    reads[1]!.answer.resolve(later);
    expect(await second).toBe(later);
    expect(await third).toBe(later);
  });

  test('When a read fails, then the requests it was for fail, and the next request gets a fresh read', async () => {
    let calls = 0;
    const reader = new GenerationReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return new Map([['plan:1', 9]]);
    });
    await expect(reader.generations(['plan:1'])).rejects.toThrow('connection lost');
    expect(await reader.generations(['plan:1'])).toEqual(new Map([['plan:1', 9]]));
    expect(calls).toBe(2);
  });
});
