/**
 * Does a piece of text hold a credential? (docs/domain.md#exit-checklist). Evidence is a note on
 * where the proof is, never the password, token or key itself, so text that looks like one is
 * refused before it is stored. Pure: no I/O, no state. Each check answers with a reason a person
 * reads (never the matched text, which must not be echoed into responses or logs).
 *
 * The checks, in order: a private-key block; a token with a known prefix (GitHub, Slack, OpenAI,
 * Stripe, AWS, Facebook, Google, JWT, ...); a `password: value` style label with a value; then, in
 * links, user info or a secret-looking query parameter; and last a long random-looking run of
 * letters and digits outside links.
 */

export type SecretFinding = { reason: string };

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/** Prefixes issued by well-known services; a match is a credential whatever its surroundings. */
const KNOWN_TOKENS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'a GitHub token', pattern: /(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { name: 'a GitLab token', pattern: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/ },
  { name: 'a Slack token', pattern: /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Slack webhook address', pattern: /hooks\.slack\.com\/(services|workflows|triggers)\/[A-Za-z0-9/_-]{20,}/i },
  { name: 'an API secret key', pattern: /(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{20,}/ },
  { name: 'a Stripe secret key', pattern: /(?<![A-Za-z0-9])[rs]k_(live|test)_[A-Za-z0-9]{16,}/ },
  { name: 'an AWS access key', pattern: /(?<![A-Za-z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}(?![A-Za-z0-9])/ },
  { name: 'a Facebook access token', pattern: /(?<![A-Za-z0-9])EAA[A-Za-z0-9]{20,}/ },
  { name: 'a Google API key', pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{30,}/ },
  { name: 'a Google OAuth token', pattern: /(?<![A-Za-z0-9])ya29\.[0-9A-Za-z_-]{20,}/ },
  { name: 'a JSON web token', pattern: /(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { name: 'an npm token', pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{30,}/ },
  { name: 'a SendGrid key', pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/ },
  { name: 'a Telegram bot token', pattern: /(?<![A-Za-z0-9])\d{8,10}:AA[A-Za-z0-9_-]{30,}/ },
];

/**
 * A label that names a secret, then `:` or `=`, then a value: `password: hunter2`, `api key = ...`,
 * `access_token=...`. The label must start a word (`mytoken:` is not one).
 */
const LABELLED = new RegExp(
  String.raw`(?<![A-Za-z0-9])(` +
    [
      String.raw`pass(?:word|wd|phrase|code)s?`,
      'pwd',
      'pw',
      String.raw`(?:client|app|api|consumer|shared)?[ _-]?secrets?`,
      String.raw`(?:access|refresh|auth|bearer|api|app|session|id|page|user)?[ _-]?tokens?`,
      String.raw`api[ _-]?keys?`,
      'apikey',
      String.raw`private[ _-]?keys?`,
      String.raw`(?:recovery|backup|2fa|mfa|otp)[ _-]?codes?`,
      String.raw`login[ _-]?(?:details|credentials)`,
      'credentials?',
    ].join('|') +
    String.raw`)\s*[:=]\s*(\S+)`,
  'gi',
);

/** A PIN with its digits: `PIN: 4821`. */
const PIN = /(?<![A-Za-z0-9])pin\s*[:=]\s*\d{4,}/i;

/**
 * Values after a label that say where the secret is, not what it is: "Password: in the team
 * vault", "Token: see the IT ticket", "password = reset by the brand's admin".
 */
const POINTER_WORDS = new Set([
  'in', 'at', 'on', 'see', 'stored', 'kept', 'shared', 'managed', 'held', 'via', 'with', 'by', 'from',
  'reset', 'changed', 'rotated', 'revoked', 'removed', 'sent', 'handed', 'owned', 'set', 'saved',
  'none', 'n/a', 'na', '-', '—', 'tbd', 'not', 'no', 'the', 'our', 'their', 'a', 'an',
]);

/** Query (or fragment) parameters that carry a secret in a link. */
const SECRET_PARAMS = new Set([
  'token', 'access_token', 'refresh_token', 'id_token', 'auth', 'auth_token', 'authtoken', 'oauth_token',
  'key', 'api_key', 'apikey', 'api-key', 'password', 'passwd', 'pwd', 'pass', 'secret', 'client_secret',
  'sig', 'signature', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'x-goog-signature',
  'x-goog-credential', 'session', 'sessionid', 'session_id', 'sid',
]);

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Runs of the characters tokens are made of (base64, base64url, hex). */
const RUN = /[A-Za-z0-9_\-+/=]{24,}/g;

/** The first credential-like thing in free text, or null. */
export function findSecretInText(text: string): SecretFinding | null {
  if (!text) return null;
  const common = commonChecks(text);
  if (common) return common;
  for (const url of text.match(URL_IN_TEXT) ?? []) {
    const found = urlChecks(url);
    if (found) return found;
  }
  // Links were judged as links above: a shared-drive folder id in a path is not a secret.
  const rest = text.replace(URL_IN_TEXT, ' ').replace(UUID, ' ');
  for (const run of rest.match(RUN) ?? []) {
    if (looksRandom(run)) return { reason: 'it holds a long random-looking string, like a token or key' };
  }
  return null;
}

/** The first credential-like thing in a link (user info, a secret query parameter, a known token), or null. */
export function findSecretInUrl(url: string): SecretFinding | null {
  if (!url) return null;
  return urlChecks(url) ?? commonChecks(url);
}

function commonChecks(text: string): SecretFinding | null {
  if (PRIVATE_KEY.test(text)) return { reason: 'it holds a private key' };
  for (const { name, pattern } of KNOWN_TOKENS) if (pattern.test(text)) return { reason: `it looks like ${name}` };
  for (const match of text.matchAll(LABELLED)) {
    const value = (match[2] ?? '').replace(/^["'`(]+/, '').toLowerCase();
    // A masked value ("password: ********") shows that there is one, not what it is.
    const masked = /^[*•x.]+$/.test(value);
    if (value && !masked && !POINTER_WORDS.has(value.replace(/[.,;:!?)"'`]+$/, ''))) {
      return { reason: `it labels a value as a ${labelOf(match[1] ?? '')} ("${(match[1] ?? '').trim()}:" followed by a value)` };
    }
  }
  if (PIN.test(text)) return { reason: 'it labels digits as a PIN' };
  return null;
}

function labelOf(label: string): string {
  const l = label.toLowerCase();
  if (/pass|pwd|^pw$/.test(l)) return 'password';
  if (/token/.test(l)) return 'token';
  if (/key/.test(l)) return 'key';
  if (/code/.test(l)) return 'code';
  return 'secret';
}

function urlChecks(raw: string): SecretFinding | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return { reason: 'the link holds a user name or password' };
  const params = [...url.searchParams, ...new URLSearchParams(url.hash.replace(/^#/, ''))];
  for (const [name, value] of params) {
    if (value.trim() && SECRET_PARAMS.has(name.toLowerCase())) return { reason: `the link carries a secret-looking parameter ("${name}=")` };
  }
  return null;
}

/** Shannon entropy of a string, in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

type CharClass = 'lower' | 'upper' | 'digit';
const classOf = (c: string): CharClass | null => (/[a-z]/.test(c) ? 'lower' : /[A-Z]/.test(c) ? 'upper' : /[0-9]/.test(c) ? 'digit' : null);

/**
 * A run of 24 or more token characters that mixes letters and digits and is not made of words: its
 * characters are varied (entropy at least 3 bits each) and switch often between lower case, upper
 * case and digits (at least once every three characters), as generated keys do and as
 * `spring-campaign-2026-instagram` or `ContentLibrary2026Archive` do not (mostly letters in
 * words: capitalised, or lower case between separators, three letters or more with a vowel).
 * YouTube channel ids
 * (`UC` + 22 characters) are public and pass.
 */
export function looksRandom(run: string): boolean {
  if (run.length < 24 || !/[A-Za-z]/.test(run) || !/[0-9]/.test(run)) return false;
  // A YouTube channel id (UC + 22 characters) is public: evidence names channels by it.
  if (/^UC[A-Za-z0-9_-]{22}$/.test(run)) return false;
  if (entropy(run) < 3) return false;
  const classes = [...run].map(classOf).filter((c): c is CharClass => c !== null);
  let switches = 0;
  for (let i = 1; i < classes.length; i++) if (classes[i] !== classes[i - 1]) switches += 1;
  if (classes.length < 2 || switches / (classes.length - 1) < 1 / 3) return false;
  // Mostly words (`BrandAssets2026Q1FinalVersion`, `q1-report-final-v2`): capitalised words, and
  // lower-case words between separators, of three letters or more with a vowel.
  const letters = run.replace(/[^A-Za-z]/g, '').length;
  const words = [...(run.match(/[A-Z][a-z]{2,}/g) ?? []), ...(run.match(/(?<![A-Za-z0-9])[a-z]{3,}(?![A-Za-z0-9])/g) ?? [])];
  const wordish = words.filter((w) => /[aeiouy]/i.test(w)).reduce((n, w) => n + w.length, 0);
  return wordish < 0.6 * letters;
}
