/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its printed seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type Rng = ReturnType<typeof rng>;

/** Seed from REL_SEED when replaying, else a fresh one; printed so a failure can be replayed. */
export function seedFromEnv(suite: string): number {
  const seed = process.env.REL_SEED ? Number(process.env.REL_SEED) : Math.floor(Math.random() * 2 ** 31);
  console.log(`${suite}: seed ${seed} (replay with REL_SEED=${seed})`);
  return seed;
}
