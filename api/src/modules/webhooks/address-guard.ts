import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Why an address is not a webhook target. The server must not be made to post into the network it
 * runs in (SSRF), so only global unicast addresses pass:
 * - private (RFC 1918), loopback, link-local (cloud metadata lives at 169.254.169.254), CGNAT
 *   (RFC 6598 shared space, inside carrier and cloud networks) and IPv6 unique-local;
 * - unspecified (0.0.0.0/8, ::), which Linux connects to this host;
 * - multicast and broadcast, which no webhook receiver answers on;
 * - documentation (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20) and
 *   benchmarking (198.18/15, 2001:2::/48): never routed on the Internet, so a name resolving there
 *   points at something local (some DNS proxies hand out 198.18/15 "fake" addresses);
 * - reserved: 240/4, the IETF protocol block 192.0.0/24, the old 6to4 relay 192.88.99/24, and every
 *   IPv6 address outside global unicast 2000::/3 not named above (also 2001::/23, Teredo included);
 * - IPv4-mapped IPv6 (::ffff:0:0/96) is always refused: it reaches the embedded IPv4 host through
 *   the IPv6 stack, so a filter that judged only its IPv6 form would be bypassed.
 * NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses are judged by the IPv4 address they embed.
 */
export type RefusalReason =
  | 'private'
  | 'loopback'
  | 'link_local'
  | 'cgnat'
  | 'unique_local'
  | 'ipv4_mapped'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

/** Never a receiver, so refused even when private targets are allowed (tests, trusted networks). */
const ALWAYS_REFUSED: ReadonlySet<RefusalReason> = new Set(['unspecified', 'multicast', 'broadcast']);

export type AddressClass = {
  address: string;
  family: 4 | 6;
  /** Null for a global unicast address. */
  refused: RefusalReason | null;
  /** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 address, judged on its own. */
  embedded?: AddressClass;
};

type Range = readonly [prefix: readonly number[], bits: number, reason: RefusalReason | 'ok'];

// Checked in order; the first range that holds the address decides.
const V4_RANGES: readonly Range[] = [
  [[0], 8, 'unspecified'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'cgnat'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link_local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'reserved'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 88, 99], 24, 'reserved'],
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[255, 255, 255, 255], 32, 'broadcast'],
  [[240], 4, 'reserved'],
];

// IPv6 prefixes as bytes. NAT64, 6to4 and mapped are handled before these.
const V6_RANGES: readonly Range[] = [
  [[], 128, 'unspecified'], // ::, all 128 bits zero
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0x3f, 0xff], 20, 'documentation'],
  [[0x20, 0x01, 0x00, 0x02, 0x00, 0x00], 48, 'benchmarking'],
  [[0x20, 0x01], 23, 'reserved'],
  [[0xfc], 7, 'unique_local'],
  [[0xfe, 0x80], 10, 'link_local'],
  [[0xff], 8, 'multicast'],
  [[0x20], 3, 'ok'], // global unicast
  [[], 0, 'reserved'], // everything else
];

const MAPPED: Range = [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'ipv4_mapped'];
const NAT64: Range = [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, 'ok'];
const SIX_TO_FOUR: Range = [[0x20, 0x02], 16, 'ok'];

function inRange(bytes: Uint8Array, [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const index = bit / 8;
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(address: string): Uint8Array {
  return Uint8Array.from(address.split('.').map(Number));
}

/** The 16 bytes of a valid IPv6 address (zone id dropped, `::` expanded, a dotted tail converted). */
function parseV6(address: string): Uint8Array {
  let text = address.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a, b, c, d] = parseV4(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

function firstMatch(bytes: Uint8Array, ranges: readonly Range[]): RefusalReason | null {
  const range = ranges.find((r) => inRange(bytes, r));
  return !range || range[2] === 'ok' ? null : range[2];
}

function classifyV4Bytes(bytes: Uint8Array): AddressClass {
  return { address: bytes.join('.'), family: 4, refused: firstMatch(bytes, V4_RANGES) };
}

/** Classifies one IP address; throws TypeError for text that is not an IP address. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return { ...classifyV4Bytes(parseV4(address)), address };
  if (family !== 6) throw new TypeError(`not an IP address: ${address}`);
  const bytes = parseV6(address);
  if (inRange(bytes, MAPPED)) {
    return { address, family: 6, refused: 'ipv4_mapped', embedded: classifyV4Bytes(bytes.subarray(12)) };
  }
  if (inRange(bytes, NAT64)) {
    const embedded = classifyV4Bytes(bytes.subarray(12));
    return { address, family: 6, refused: embedded.refused, embedded };
  }
  if (inRange(bytes, SIX_TO_FOUR)) {
    const embedded = classifyV4Bytes(bytes.subarray(2, 6));
    return { address, family: 6, refused: embedded.refused, embedded };
  }
  return { address, family: 6, refused: firstMatch(bytes, V6_RANGES) };
}

/** Whether a connection to this address may be made; `allowPrivate` lifts every refusal but ALWAYS_REFUSED. */
export function isAllowed(address: AddressClass, allowPrivate: boolean): boolean {
  if (address.refused === null) return true;
  const reasons = [address.refused, address.embedded?.refused ?? null];
  return allowPrivate && !reasons.some((reason) => reason !== null && ALWAYS_REFUSED.has(reason));
}

export type ResolvedAddress = { address: string; family: number };
/** Every address a host name resolves to (the default asks the system resolver, as a connection would). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true });

export type TargetRefusal = 'invalid_url' | 'scheme' | 'userinfo' | 'unresolvable' | 'address';

export type CheckedTarget =
  | { ok: true; url: URL; hostname: string; port: number; addresses: AddressClass[] }
  | { ok: false; reason: TargetRefusal; message: string; addresses: AddressClass[] };

/**
 * Checks a webhook target: an http(s) URL without user or password whose host name resolves only to
 * allowed addresses (one refused address refuses the target, since a connection could pick it).
 * The caller connects to one of the returned addresses, never to a fresh lookup.
 */
export async function checkTarget(
  rawUrl: string,
  options: { resolver?: Resolver; allowPrivate?: boolean } = {},
): Promise<CheckedTarget> {
  const refuse = (reason: TargetRefusal, message: string, addresses: AddressClass[] = []): CheckedTarget => ({
    ok: false,
    reason,
    message,
    addresses,
  });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse('invalid_url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('scheme', `${url.protocol} is not http or https`);
  if (url.username !== '' || url.password !== '') return refuse('userinfo', 'a user name or password in the URL is not accepted');

  // The URL parser has already normalised numeric hosts (2130706433, 0x7f.1) to dotted IPv4.
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  let resolved: ResolvedAddress[];
  if (isIP(hostname) !== 0) {
    resolved = [{ address: hostname, family: isIP(hostname) }];
  } else {
    try {
      resolved = await (options.resolver ?? systemResolver)(hostname);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return refuse('unresolvable', `${hostname} does not resolve${typeof code === 'string' ? ` (${code})` : ''}`);
    }
    if (resolved.length === 0) return refuse('unresolvable', `${hostname} does not resolve`);
  }

  let addresses: AddressClass[];
  try {
    addresses = resolved.map((r) => classifyAddress(r.address));
  } catch {
    return refuse('unresolvable', `${hostname} resolved to something that is not an IP address`);
  }
  const refused = addresses.find((a) => !isAllowed(a, options.allowPrivate === true));
  if (refused) {
    const why = refused.refused === 'ipv4_mapped' ? `ipv4_mapped of ${refused.embedded?.refused ?? 'a public address'}` : refused.refused;
    return refuse('address', `${hostname} resolves to ${refused.address} (${why}), which is not accepted as a webhook target`, addresses);
  }
  return { ok: true, url, hostname, port, addresses };
}
