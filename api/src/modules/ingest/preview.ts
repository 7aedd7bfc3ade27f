import type { ImportPreview, RosterSide } from '@handover/shared';
import { accountKey, authorKey, utcDay, type Classification, type IncomingPost, type Roster } from './classify';
import type { MappedRow } from './mapping';

/** Errors kept for the preview; the rest are only counted. */
export const MAX_PREVIEW_ERRORS = 50;
/** Distinct unknown authors or channels tracked (bounded memory on any file), and how many are shown. */
const MAX_TRACKED_VALUES = 1000;
const MAX_LISTED_VALUES = 100;

/**
 * A set of string keys kept as 53-bit fingerprints (two 32-bit multiplicative hashes of the
 * UTF-16 units) in an open-addressing table of typed arrays, so a million-row file costs about
 * 16 MB and no per-key objects. Two different keys share a fingerprint with odds of about 1 in
 * 20,000 across a million rows; the commit's own duplicate check against stored posts is exact.
 */
export class FingerprintSet {
  private lo = new Uint32Array(1024);
  private hi = new Uint32Array(1024); // 0 marks an empty slot: stored values have bit 21 set
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the key (`key`, or `prefix` NUL `key` without building that string); true when it was already there. */
  addKey(key: string, prefix?: string): boolean {
    let a = 0x811c9dc5;
    let b = 0x2545f491;
    if (prefix !== undefined) {
      for (let i = 0; i <= prefix.length; i++) {
        const c = i < prefix.length ? prefix.charCodeAt(i) : 0;
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
      }
    }
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
    b ^= b >>> 16;
    return this.insert(a >>> 0, ((b & 0x1fffff) | 0x200000) >>> 0);
  }

  private insert(lo: number, hi: number): boolean {
    const mask = this.lo.length - 1;
    let i = lo & mask;
    while (this.hi[i] !== 0) {
      if (this.lo[i] === lo && this.hi[i] === hi) return true;
      i = (i + 1) & mask;
    }
    this.lo[i] = lo;
    this.hi[i] = hi;
    if (++this.count * 2 > this.lo.length) this.grow();
    return false;
  }

  private grow() {
    const [lo, hi] = [this.lo, this.hi];
    this.lo = new Uint32Array(lo.length * 2);
    this.hi = new Uint32Array(hi.length * 2);
    this.count = 0;
    for (let i = 0; i < lo.length; i++) if (hi[i] !== 0) this.insert(lo[i]!, hi[i]!);
  }
}

/** Counts rows per value (first spelling shown), for at most MAX_TRACKED_VALUES distinct values. */
class ValueCounts {
  private readonly counts = new Map<string, { value: string; rows: number }>();

  add(value: string, key: string) {
    const entry = this.counts.get(key);
    if (entry) entry.rows++;
    else if (this.counts.size < MAX_TRACKED_VALUES) this.counts.set(key, { value, rows: 1 });
  }

  list() {
    return [...this.counts.values()].sort((x, y) => y.rows - x.rows || x.value.localeCompare(y.value)).slice(0, MAX_LISTED_VALUES);
  }
}

export type PreviewedRow = { line: number; post: IncomingPost; classification: Classification };

/**
 * Adds up mapped rows into the preview: counts, the first errors, sides, the authors and
 * channels the roster does not know, and duplicates within the file. A row repeats an earlier one
 * when it has the same (channel, externalId), or the same normalised permalink: one permalink is
 * one post however it arrived. `add` returns the row to store, or null (skipped, error, duplicate).
 */
export class Preview {
  private rows = 0;
  private valid = 0;
  private skipped = 0;
  private errorCount = 0;
  private readonly errors: ImportPreview['errors'] = [];
  private duplicates = 0;
  private readonly bySide = { agency: 0, inHouse: 0, coAuthored: 0, unclassified: 0 };
  private readonly ids = new FingerprintSet();
  private readonly links = new FingerprintSet();
  private readonly unknownAuthors = new ValueCounts();
  private readonly unknownChannels = new ValueCounts();

  constructor(
    private readonly roster: Roster,
    private readonly defaultSide?: RosterSide | null,
  ) {}

  add(line: number, mapped: MappedRow): PreviewedRow | null {
    this.rows++;
    if (mapped.kind === 'skip') {
      this.skipped++;
      return null;
    }
    if (mapped.kind === 'error') {
      this.errorCount++;
      if (this.errors.length < MAX_PREVIEW_ERRORS) this.errors.push({ line, message: mapped.message });
      return null;
    }
    this.valid++;
    const { post } = mapped;
    if (this.isDuplicate(post)) {
      this.duplicates++;
      return null;
    }
    const classification = this.roster.classify(post, this.defaultSide);
    if ('unclassified' in classification) this.bySide.unclassified++;
    else if (classification.source === 'agency') this.bySide.agency++;
    else if (classification.source === 'in_house') this.bySide.inHouse++;
    else this.bySide.coAuthored++;
    if (!post.source) this.noteUnknowns(post);
    return { line, post, classification };
  }

  result(): ImportPreview {
    return {
      rows: this.rows,
      valid: this.valid,
      skipped: this.skipped,
      errorCount: this.errorCount,
      errors: [...this.errors],
      bySide: { ...this.bySide },
      unknownAuthors: this.unknownAuthors.list(),
      unknownChannels: this.unknownChannels.list(),
      duplicates: this.duplicates,
    };
  }

  private isDuplicate(post: IncomingPost): boolean {
    const idSeen = post.externalId ? this.ids.addKey(post.externalId, post.channel) : false;
    const linkSeen = post.permalink ? this.links.addKey(post.permalink) : false;
    return idSeen || linkSeen;
  }

  /** Authors (and publishers) no entry knows; the account, else network, when nothing in the roster placed the row. */
  private noteUnknowns(post: IncomingPost) {
    const day = utcDay(post.publishedAt);
    let authorKnown = false;
    for (const person of [post.author, post.publisher]) {
      if (!person) continue;
      if (this.roster.author(person, day)) authorKnown ||= person === post.author;
      else this.unknownAuthors.add(person, authorKey(person));
    }
    if (!authorKnown && !this.roster.channel(post.account, post.channel, day)) {
      const value = post.account ?? post.channel;
      this.unknownChannels.add(value, accountKey(value));
    }
  }
}
