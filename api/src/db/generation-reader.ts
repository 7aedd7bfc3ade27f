/**
 * Reads of cache generations, shared by the requests waiting at the same moment
 * (docs/performance.md#caches-across-processes). A request is answered only by a read *sent after
 * it asked*, never by one already under way, so whatever write was acknowledged before the request
 * arrived is in what it gets. While one read is out, the requests that arrive wait and then share
 * the next: under load one short statement serves many requests.
 */
const MAX_SCOPES = 500;

export class GenerationReader {
  private waiting: Array<{ scopes: string[]; resolve: (g: Map<string, number>) => void; reject: (e: unknown) => void }> = [];
  private reading = false;

  constructor(private readonly read: (scopes: string[]) => Promise<Map<string, number>>) {}

  generations(scopes: string[]): Promise<Map<string, number>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ scopes, resolve, reject });
      if (!this.reading) void this.next();
    });
  }

  private async next(): Promise<void> {
    // At most MAX_SCOPES scopes a statement; the rest wait for the next.
    const scopes = new Set<string>();
    let taken = 0;
    while (taken < this.waiting.length && scopes.size < MAX_SCOPES) this.waiting[taken++]!.scopes.forEach((s) => scopes.add(s));
    const batch = this.waiting.slice(0, taken);
    this.waiting = this.waiting.slice(taken);
    this.reading = true;
    try {
      const found = await this.read([...scopes]);
      for (const b of batch) b.resolve(found);
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      this.reading = false;
      if (this.waiting.length) void this.next();
    }
  }
}
