import type { PostSource, RosterKind, RosterSide } from '@handover/shared';
import { canonicalChannel, isKnownChannel } from './channels';

// Which side made a post, from the roster: who is agency and who is in-house, and which accounts
// each side ran, when. Pure: the caller loads the plan's roster entries and passes them in.

/** The parts of a roster entry that classification reads. */
export type RosterRule = { id: string; kind: RosterKind; match: string; side: RosterSide; from?: string | null; to?: string | null };

/** A post on its way in (from a file, a batch or a receiver), before it is stored. */
export type IncomingPost = {
  /** Canonical network. */
  channel: string;
  /** UTC instant, ISO 8601. */
  publishedAt: string;
  account?: string | null;
  externalId?: string | null;
  permalink?: string | null;
  /** Who made it (creator). */
  author?: string | null;
  /** Who pressed publish, when the source says so and it differs. */
  publisher?: string | null;
  /** An explicit side, which wins over the roster. */
  source?: PostSource | null;
};

export type ClassifiedBy = 'source' | 'roster' | 'default';
export type Classification = { source: PostSource; classifiedBy: ClassifiedBy; rosterEntryId?: string } | { unclassified: true };

/** Authors match by email or name, case-insensitive and trimmed. */
export const authorKey = (value: string) => value.trim().toLowerCase();
/** Accounts (page id, `@handle`, account name) match case-insensitively, with or without the `@`. */
export const accountKey = (value: string) => value.trim().toLowerCase().replace(/^@/, '');

/**
 * The key two entries of one kind are compared by (two entries with the same key and overlapping
 * dates are refused): a channel entry naming a network folds to the canonical network, so
 * `Twitter` and `x` are the same entry.
 */
export function rosterMatchKey(kind: RosterKind, match: string): string {
  if (kind === 'author') return authorKey(match);
  const network = canonicalChannel(match);
  return network && isKnownChannel(network) ? network : accountKey(match);
}

/** The UTC calendar date of an instant; entries' `from`/`to` are compared with it. */
export function utcDay(instant: string): string {
  return instant.endsWith('Z') && instant[10] === 'T' ? instant.slice(0, 10) : new Date(instant).toISOString().slice(0, 10);
}

const within = (rule: RosterRule, day: string) => (!rule.from || rule.from <= day) && (!rule.to || day <= rule.to);

function add(index: Map<string, RosterRule[]>, key: string, rule: RosterRule) {
  const list = index.get(key);
  if (list) list.push(rule);
  else index.set(key, [rule]);
}

/**
 * A plan's roster, indexed for classifying many rows. When several entries would match one row
 * on one day (only possible if overlapping entries were stored), the first given wins.
 */
export class Roster {
  private readonly authors = new Map<string, RosterRule[]>();
  private readonly accounts = new Map<string, RosterRule[]>();
  private readonly networks = new Map<string, RosterRule[]>();

  constructor(readonly entries: readonly RosterRule[]) {
    for (const rule of entries) {
      if (rule.kind === 'author') {
        add(this.authors, authorKey(rule.match), rule);
      } else {
        add(this.accounts, accountKey(rule.match), rule);
        const network = canonicalChannel(rule.match);
        if (network) add(this.networks, network, rule);
      }
    }
  }

  /** The author entry for an email or name on a day, if any. */
  author(value: string | null | undefined, day: string): RosterRule | null {
    if (!value || !value.trim()) return null;
    return this.authors.get(authorKey(value))?.find((r) => within(r, day)) ?? null;
  }

  /** The channel entry for the row's account, else for its network, on a day. */
  channel(account: string | null | undefined, network: string, day: string): RosterRule | null {
    const byAccount = account && account.trim() ? this.accounts.get(accountKey(account))?.find((r) => within(r, day)) : undefined;
    return byAccount ?? this.networks.get(network)?.find((r) => within(r, day)) ?? null;
  }

  /**
   * An explicit source wins; else the author's entry (and `co_authored` when the publisher's
   * author entry is on the other side); else a channel entry for the account, then for the
   * network; else the file's default side; else unclassified. Entries count only within their
   * dates (UTC calendar date of `publishedAt`, both ends inclusive).
   */
  classify(post: IncomingPost, defaultSide?: RosterSide | null): Classification {
    if (post.source) return { source: post.source, classifiedBy: 'source' };
    const day = utcDay(post.publishedAt);
    const author = this.author(post.author, day);
    if (author) {
      const publisher = this.author(post.publisher, day);
      const source: PostSource = publisher && publisher.side !== author.side ? 'co_authored' : author.side;
      return { source, classifiedBy: 'roster', rosterEntryId: author.id };
    }
    const channel = this.channel(post.account, post.channel, day);
    if (channel) return { source: channel.side, classifiedBy: 'roster', rosterEntryId: channel.id };
    if (defaultSide) return { source: defaultSide, classifiedBy: 'default' };
    return { unclassified: true };
  }
}

/** One-off classification (builds the index each call; use `Roster` for many rows). */
export function classify(post: IncomingPost, entries: readonly RosterRule[], defaultSide?: RosterSide | null): Classification {
  return new Roster(entries).classify(post, defaultSide);
}

type Dated = { from?: string | null; to?: string | null };

/** Inclusive date ranges; an open end reaches forever. */
export function rangesOverlap(a: Dated, b: Dated): boolean {
  return (!a.from || !b.to || a.from <= b.to) && (!b.from || !a.to || b.from <= a.to);
}

/**
 * The stored entry a new or edited one would clash with (same kind, same match key, overlapping
 * dates), for the 409; the entry's own id is left out so an edit does not clash with itself.
 */
export function findOverlap(candidate: Omit<RosterRule, 'id' | 'side'> & { id?: string }, existing: readonly RosterRule[]): RosterRule | null {
  const key = rosterMatchKey(candidate.kind, candidate.match);
  return existing.find((e) => e.id !== candidate.id && e.kind === candidate.kind && rosterMatchKey(e.kind, e.match) === key && rangesOverlap(e, candidate)) ?? null;
}

/** Every pair of entries that clash (for checking a whole roster, e.g. an import of one). */
export function overlapping(entries: readonly RosterRule[]): Array<[RosterRule, RosterRule]> {
  const groups = new Map<string, RosterRule[]>();
  for (const e of entries) add(groups, `${e.kind}\u0000${rosterMatchKey(e.kind, e.match)}`, e);
  const pairs: Array<[RosterRule, RosterRule]> = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) if (rangesOverlap(group[i]!, group[j]!)) pairs.push([group[i]!, group[j]!]);
    }
  }
  return pairs;
}
