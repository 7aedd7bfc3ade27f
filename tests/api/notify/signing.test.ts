import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  ROTATION_WINDOW_MS,
  activeSecrets,
  generateSecret,
  secretKey,
  sign,
  signatureHeaders,
} from '../../../api/src/modules/webhooks/signing';

// The official `standardwebhooks` package is the judge: whatever it accepts, receivers accept.
const body = JSON.stringify({ type: 'milestone.completed', timestamp: '2026-03-02T10:00:00.000Z', data: { id: 'm1' } });
const msgId = 'msg_01JNX3Q0Z7T0A1B2C3D4E5F6G7';

describe('secrets', () => {
  test('When a secret is generated, then it is whsec_ and base64 of 32 random bytes, different each time', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(secretKey(a)).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(secretKey(generateSecret(24))).toHaveLength(24);
  });

  test('When a secret is too short, too long, unprefixed or not base64, then it is refused', () => {
    expect(() => generateSecret(16)).toThrow(RangeError);
    expect(() => generateSecret(33)).toThrow(RangeError);
    expect(() => secretKey(`whsec_${Buffer.alloc(16).toString('base64')}`)).toThrow(TypeError);
    expect(() => secretKey(`whsec_${Buffer.alloc(65).toString('base64')}`)).toThrow(TypeError);
    expect(() => secretKey(Buffer.alloc(32).toString('base64'))).toThrow(TypeError);
    expect(() => secretKey('whsec_not base64!')).toThrow(TypeError);
  });
});

describe('signatures', () => {
  test('When a body is signed, then the standardwebhooks package verifies it and returns the payload', () => {
    const secret = generateSecret();
    const headers = signatureHeaders({ msgId, timestamp: new Date(), body, secrets: [secret] });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(String(headers['webhook-timestamp'])).toMatch(/^\d+$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  test('When our signature is compared with the package signing the same input, then they are equal', () => {
    const secret = generateSecret();
    const at = new Date('2026-03-02T10:00:00.000Z');
    expect(sign(secret, msgId, at.getTime() / 1000, body)).toBe(new Webhook(secret).sign(msgId, at, body));
  });

  test('When the body, id or timestamp is tampered with, then verification fails', () => {
    const secret = generateSecret();
    const headers = signatureHeaders({ msgId, timestamp: new Date(), body, secrets: [secret] });
    const hook = new Webhook(secret);
    expect(() => hook.verify(body.replace('m1', 'm2'), headers)).toThrow(WebhookVerificationError);
    expect(() => hook.verify(`${body} `, headers)).toThrow(WebhookVerificationError);
    expect(() => hook.verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow(WebhookVerificationError);
    const later = String(Number(headers['webhook-timestamp']) + 1);
    expect(() => hook.verify(body, { ...headers, 'webhook-timestamp': later })).toThrow(WebhookVerificationError);
  });

  test('When another secret verifies, then it fails', () => {
    const headers = signatureHeaders({ msgId, timestamp: new Date(), body, secrets: [generateSecret()] });
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  test('When an id has a dot or a timestamp is not whole seconds, then signing refuses', () => {
    const secret = generateSecret();
    expect(() => sign(secret, 'msg.1', 1_700_000_000, body)).toThrow(TypeError);
    expect(() => sign(secret, '', 1_700_000_000, body)).toThrow(TypeError);
    expect(() => sign(secret, msgId, 1_700_000_000.5, body)).toThrow(TypeError);
    expect(() => signatureHeaders({ msgId, timestamp: new Date(), body, secrets: [] })).toThrow(TypeError);
  });
});

describe('rotation', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');

  test('When a secret was rotated within the window, then both sign and a receiver holding either verifies', () => {
    const previous = generateSecret();
    const current = generateSecret();
    const secrets = activeSecrets({ current, previous, previousUntil: new Date(now.getTime() + ROTATION_WINDOW_MS) }, now);
    expect(secrets).toEqual([current, previous]);
    const headers = signatureHeaders({ msgId, timestamp: new Date(), body, secrets });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  test('When the rotation window has closed, then only the current secret signs', () => {
    const current = generateSecret();
    expect(activeSecrets({ current, previous: generateSecret(), previousUntil: now }, now)).toEqual([current]);
    expect(activeSecrets({ current, previous: null, previousUntil: null }, now)).toEqual([current]);
  });
});
