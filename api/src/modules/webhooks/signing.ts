import { createHmac, randomBytes } from 'node:crypto';

// Standard Webhooks 1.0, symmetric scheme: the secret is `whsec_` + base64 of random bytes (at least
// 24); the signature is `v1,` + base64 HMAC-SHA256, keyed with the decoded secret, of
// `{webhook-id}.{webhook-timestamp}.{body}`; the signature header is a space-separated list so a
// rotated secret and its predecessor can both sign for a while (receivers accept any match).

export const SECRET_PREFIX = 'whsec_';
const MIN_SECRET_BYTES = 24;
/** The specification allows keys up to 512 bits; longer is refused rather than silently used. */
const MAX_SECRET_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type SignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** A new signing secret: 32 random bytes unless told otherwise (24 to 32). */
export function generateSecret(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_SECRET_BYTES || bytes > 32) {
    throw new RangeError(`a secret has 24 to 32 random bytes, not ${bytes}`);
  }
  return SECRET_PREFIX + randomBytes(bytes).toString('base64');
}

/** The HMAC key a secret stands for; throws on anything that is not a `whsec_` secret of 24 to 64 bytes. */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : null;
  if (encoded === null || encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    throw new TypeError('a signing secret is whsec_ followed by base64');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new TypeError(`a signing secret decodes to ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes`);
  }
  return key;
}

function checkMessageId(msgId: string): void {
  // A dot would let the id and timestamp be shifted against each other inside the signed text.
  if (msgId === '' || msgId.includes('.') || /\s/.test(msgId)) {
    throw new TypeError('a webhook id is not empty and has no dot or white space');
  }
}

function checkTimestamp(timestampSeconds: number): void {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new TypeError('a webhook timestamp is a whole number of seconds since 1970');
  }
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` for one secret. */
export function sign(secret: string, msgId: string, timestampSeconds: number, body: string | Buffer): string {
  checkMessageId(msgId);
  checkTimestamp(timestampSeconds);
  const mac = createHmac('sha256', secretKey(secret));
  mac.update(`${msgId}.${timestampSeconds}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/**
 * The three Standard Webhooks headers for one attempt. `secrets` lists the current secret first, then
 * any predecessor still inside its rotation window (see activeSecrets).
 */
export function signatureHeaders(input: {
  msgId: string;
  timestamp: Date;
  body: string | Buffer;
  secrets: readonly string[];
}): SignatureHeaders {
  if (input.secrets.length === 0) throw new TypeError('at least one signing secret is needed');
  const seconds = Math.floor(input.timestamp.getTime() / 1000);
  return {
    'webhook-id': input.msgId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': input.secrets.map((secret) => sign(secret, input.msgId, seconds, input.body)).join(' '),
  };
}

export type SecretRotation = {
  current: string;
  /** The secret replaced by the last rotation, and until when it keeps signing. */
  previous: string | null;
  previousUntil: Date | null;
};

/** The secrets that sign at `now`: the current one, and the previous one until its window closes. */
export function activeSecrets(rotation: SecretRotation, now: Date): string[] {
  const { current, previous, previousUntil } = rotation;
  return previous !== null && previousUntil !== null && now.getTime() < previousUntil.getTime() ? [current, previous] : [current];
}

/** How long a replaced secret keeps signing after a rotation, so receivers can switch without losing events. */
export const ROTATION_WINDOW_MS = 24 * 60 * 60 * 1000;
