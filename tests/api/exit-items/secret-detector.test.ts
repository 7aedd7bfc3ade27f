import { randomBytes } from 'node:crypto';
import { entropy, findSecretInText, findSecretInUrl, looksRandom } from '../../../api/src/core/secret-detector';

// The credential detector (docs/domain.md#exit-checklist), a pure function: what it refuses and,
// as much, what it must let through. Fake secrets are built at run time so no scanner takes this
// file for a leak.
const repeat = (s: string, n: number) => s.repeat(n);
const b62 = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n);
/** A fixed random-looking key (letters of both cases and digits), so the cases below cannot flake. */
const KEY = ['Vx8Jq2mR7tLp', '4ZsK9wN3bYcF', '6hD1gT5e'].join('');

describe('refused as credentials', () => {
  test.each([
    ['a password label', 'password: hunter2'],
    ['a passwd= pair', 'login passwd=Summer2026'],
    ['a pwd label', 'PWD: s3cret!'],
    ['a secret label', 'client secret: 8f9a7b6c'],
    ['a token label', 'token: abc123'],
    ['an access_token pair', 'access_token=abc123'],
    ['an api key label', 'API key: 12345-67890'],
    ['an API_KEY pair', 'API_KEY=abcdef'],
    ['recovery codes', 'Recovery codes: 1234-5678 9012-3456'],
    ['login details', 'Login details: admin / hunter2'],
    ['a PIN with digits', 'PIN: 4821'],
    ['a value on the next line', 'Password:\n  hunter2'],
  ])('When the text has %s, then it is refused as labelled', (_case, text) => {
    expect(findSecretInText(text)?.reason).toMatch(/labels/);
  });

  test.each([
    ['a GitHub token', () => `ghp_${b62(36)}`, /GitHub/],
    ['a fine-grained GitHub token', () => `github_pat_${b62(30)}`, /GitHub/],
    ['a Slack bot token', () => `xoxb-123456789012-1234567890123-${b62(24)}`, /Slack token/],
    ['a Slack user token', () => `xoxp-${b62(30)}`, /Slack token/],
    ['an OpenAI-style key', () => `sk-proj-${b62(40)}`, /secret key/],
    ['a Stripe live key', () => `sk_live_${b62(24)}`, /Stripe/],
    ['an AWS access key id', () => `AKIA${'IOSFODNN7EXAMPLE'}`, /AWS/],
    ['a Facebook token', () => `EAAB${b62(60)}`, /Facebook/],
    ['a Google API key', () => `AIza${b62(35)}`, /Google API/],
    ['a JWT', () => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${b62(20)}`, /JSON web token/],
    ['a private key block', () => '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA', /private key/],
    ['an OpenSSH private key', () => '-----BEGIN OPENSSH PRIVATE KEY-----', /private key/],
    ['a long random token', () => `the key is ${KEY} for the account`, /random-looking/],
    ['a 40-character secret with slashes', () => 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', /random-looking/],
  ])('When the text holds %s, then it is refused with the reason', (_case, make, reason) => {
    expect(findSecretInText(`Handed over: ${make()}`)?.reason).toMatch(reason);
  });

  test.each([
    ['a token parameter', 'https://example.com/callback?token=abc123'],
    ['an access_token in the fragment', 'https://example.com/cb#access_token=abc123&expires_in=3600'],
    ['a key parameter', 'https://maps.example.com/api?key=AIzaXYZ'],
    ['a password parameter', 'https://example.com/login?user=a&password=hunter2'],
    ['a pre-signed S3 link', 'https://bucket.s3.amazonaws.com/file.pdf?X-Amz-Signature=abc123'],
    ['an Azure SAS signature', 'https://acct.blob.core.windows.net/c/f.pdf?sv=2024&sig=abc123'],
    ['a user and password', 'https://admin:hunter2@example.com/'],
  ])('When a link has %s, then it is refused', (_case, url) => {
    expect(findSecretInUrl(url)).not.toBeNull();
    // The same link inside evidence text is refused too.
    expect(findSecretInText(`Proof: ${url}`)).not.toBeNull();
  });

  test('When a link is a Slack webhook, then it is refused (the address is the secret)', () => {
    expect(findSecretInUrl(`https://hooks.slack.com/services/T0000/B0000/${b62(24)}`)?.reason).toMatch(/Slack webhook/);
  });
});

describe('ordinary text and links pass', () => {
  test.each([
    'Ad account 123456789012345',
    'Ad account act_123456789012345 ownership transferred to the brand',
    'Transferred on 2026-03-02T10:00:00.000Z, confirmed 2026-03-04.',
    'See 3f9a1c2e-4b5d-4e6f-8a7b-9c0d1e2f3a4b and 0190b5e2-7c1d-7a2b-8c3d-4e5f6a7b8c9d in the tracker',
    'Password: in the team vault (entry "Instagram")',
    'Password: see IT ticket 4412',
    'Password: ********',
    'Token: rotated by the brand admin',
    'The agency removed itself as admin; screenshot in ticket HR-2026-0042.',
    'Two-factor now goes to the brand phone; the password was changed by Mia.',
    'Files in spring-campaign-2026-instagram-assets-final and ContentLibrary2026SpringArchive',
    'BrandAssets2026Q1FinalVersion.zip handed over',
    'Channel UC_x5XG1OV2P6uZZ5FSM9Ttw moved to the brand account',
    'Receipt 2026032012345678901234 for the contract',
    'Key handover meeting on Monday: all admin roles reviewed',
    'The agency kept no secrets; tokens were revoked.',
    'Folder https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345 has the brand assets',
    'Evidence at https://business.facebook.com/settings/ad-accounts/123456789012345?business_id=987654321',
    '',
  ])('When the text is "%s", then it passes', (text) => {
    expect(findSecretInText(text)).toBeNull();
  });

  test.each([
    'https://business.facebook.com/settings/people/100012345678901?business_id=987654321',
    'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit?usp=sharing',
    'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    'https://www.linkedin.com/company/northwind/admin/settings/manage-admins/',
    'https://example.com/x?token=',
    'https://jira.example.com/browse/IT-4412',
  ])('When the link is %s, then it passes', (url) => {
    expect(findSecretInUrl(url)).toBeNull();
  });
});

describe('randomness', () => {
  test('When strings are generated keys, then nearly all look random; word-made ids do not', () => {
    const keys = Array.from({ length: 200 }, () => b62(32)).filter((k) => /\d/.test(k) && /[A-Za-z]/.test(k));
    expect(keys.filter(looksRandom).length / keys.length).toBeGreaterThan(0.95);
    for (const s of ['logo-2026-v3-final-approved-print', 'IMG_20260302_101500_HDR_final', 'NorthwindCoffeeBrandGuide2026v3', repeat('ab12', 8)]) {
      expect(looksRandom(s)).toBe(false);
    }
  });

  test('When entropy is computed, then it is bits per character', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abab')).toBe(1);
    expect(entropy('abcd')).toBe(2);
  });

  test('When a reason is given, then it never repeats the secret', () => {
    for (const text of [`password: ${KEY}`, `key ${KEY}`, `https://example.com/?token=${KEY}`]) {
      const found = findSecretInText(text);
      expect(found).not.toBeNull();
      expect(found!.reason).not.toContain(KEY);
    }
  });
});
