import { checkTarget, classifyAddress, isAllowed, type Resolver } from '../../../api/src/modules/webhooks/address-guard';

const reason = (address: string) => classifyAddress(address).refused;
const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('classifyAddress', () => {
  test.each([
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link_local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.99', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
  ])('When the IPv4 address is %s, then it is refused as %s', (address, expected) => {
    expect(reason(address)).toBe(expected);
  });

  test.each(['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '169.253.0.1', '198.17.255.255', '198.20.0.0', '223.255.255.255', '11.0.0.1'])(
    'When the IPv4 address is %s (public, next to a refused range), then it is accepted',
    (address) => {
      expect(reason(address)).toBeNull();
    },
  );

  test.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf:ffff::1', 'link_local'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456:789a::1', 'unique_local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff:0fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['2001::1', 'reserved'], // Teredo
    ['100::1', 'reserved'], // discard-only
    ['::8.8.8.8', 'reserved'], // IPv4-compatible, deprecated
    ['fec0::1', 'reserved'], // site-local, deprecated
    ['64:ff9b:1::1', 'reserved'], // local-use NAT64
  ])('When the IPv6 address is %s, then it is refused as %s', (address, expected) => {
    expect(reason(address)).toBe(expected);
  });

  test.each(['2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '2001:200::1', '3fff:1000::1'])(
    'When the IPv6 address is %s (global unicast), then it is accepted',
    (address) => {
      expect(reason(address)).toBeNull();
    },
  );

  test('When an address is IPv4-mapped IPv6, then the mapped form is refused and the embedded IPv4 is judged too', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toEqual({
      address: '::ffff:127.0.0.1',
      family: 6,
      refused: 'ipv4_mapped',
      embedded: { address: '127.0.0.1', family: 4, refused: 'loopback' },
    });
    expect(classifyAddress('::ffff:a00:1').embedded).toEqual({ address: '10.0.0.1', family: 4, refused: 'private' });
    // Even a public embedded address is refused in the mapped form.
    expect(classifyAddress('::ffff:8.8.8.8')).toMatchObject({ refused: 'ipv4_mapped', embedded: { refused: null } });
  });

  test('When an address is NAT64 or 6to4, then it is judged by the IPv4 address it embeds', () => {
    expect(classifyAddress('64:ff9b::8.8.8.8')).toMatchObject({ refused: null, embedded: { address: '8.8.8.8' } });
    expect(classifyAddress('64:ff9b::a9fe:a9fe')).toMatchObject({ refused: 'link_local', embedded: { address: '169.254.169.254' } });
    expect(classifyAddress('2002:0a00:0001::1')).toMatchObject({ refused: 'private', embedded: { address: '10.0.0.1' } });
    expect(classifyAddress('2002:0808:0808::1')).toMatchObject({ refused: null });
  });

  test('When the text is not an IP address, then classifying throws', () => {
    expect(() => classifyAddress('example.com')).toThrow(TypeError);
    expect(() => classifyAddress('10.0.0.256')).toThrow(TypeError);
  });

  test('When private targets are allowed, then private ones pass but multicast, broadcast and unspecified never do', () => {
    expect(isAllowed(classifyAddress('127.0.0.1'), true)).toBe(true);
    expect(isAllowed(classifyAddress('::ffff:10.0.0.1'), true)).toBe(true);
    expect(isAllowed(classifyAddress('127.0.0.1'), false)).toBe(false);
    expect(isAllowed(classifyAddress('224.0.0.1'), true)).toBe(false);
    expect(isAllowed(classifyAddress('255.255.255.255'), true)).toBe(false);
    expect(isAllowed(classifyAddress('0.0.0.0'), true)).toBe(false);
    expect(isAllowed(classifyAddress('::ffff:224.0.0.1'), true)).toBe(false);
  });
});

describe('checkTarget', () => {
  test('When the host resolves to public addresses only, then the target passes with the checked addresses', async () => {
    const result = await checkTarget('https://hooks.example.com/in?x=1', { resolver: resolvesTo('93.184.216.34', '2606:2800:220:1::1') });
    expect(result).toMatchObject({ ok: true, hostname: 'hooks.example.com', port: 443 });
    expect(result.addresses.map((a) => a.address)).toEqual(['93.184.216.34', '2606:2800:220:1::1']);
  });

  test('When ANY resolved address is refused, then the target is refused and names it', async () => {
    const result = await checkTarget('http://hooks.example.com/', { resolver: resolvesTo('93.184.216.34', '10.0.0.1') });
    expect(result).toMatchObject({ ok: false, reason: 'address' });
    expect(!result.ok && result.message).toContain('10.0.0.1 (private)');
  });

  test('When private targets are allowed, then a loopback target passes', async () => {
    const result = await checkTarget('http://receiver.test:8080/', { resolver: resolvesTo('127.0.0.1'), allowPrivate: true });
    expect(result).toMatchObject({ ok: true, port: 8080 });
  });

  test.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://2130706433/', 'loopback'], // decimal form of 127.0.0.1
    ['http://0x7f.1/', 'loopback'],
    ['http://[::1]:3000/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'ipv4_mapped'],
    ['http://169.254.169.254/latest/meta-data/', 'link_local'],
    ['http://[fd00::1]/', 'unique_local'],
  ])('When the URL is the address literal %s, then it is refused without asking the resolver', async (url, expected) => {
    const resolver = jest.fn(resolvesTo('8.8.8.8'));
    const result = await checkTarget(url, { resolver });
    expect(result).toMatchObject({ ok: false, reason: 'address' });
    expect(result.addresses[0]?.refused).toBe(expected);
    expect(resolver).not.toHaveBeenCalled();
  });

  test('When the URL is not http(s), has a user or password, or is not a URL, then it is refused before resolving', async () => {
    const resolver = jest.fn(resolvesTo('8.8.8.8'));
    await expect(checkTarget('ftp://example.com/', { resolver })).resolves.toMatchObject({ ok: false, reason: 'scheme' });
    await expect(checkTarget('file:///etc/passwd', { resolver })).resolves.toMatchObject({ ok: false, reason: 'scheme' });
    await expect(checkTarget('https://user:pw@example.com/', { resolver })).resolves.toMatchObject({ ok: false, reason: 'userinfo' });
    await expect(checkTarget('https://user@example.com/', { resolver })).resolves.toMatchObject({ ok: false, reason: 'userinfo' });
    await expect(checkTarget('not a url', { resolver })).resolves.toMatchObject({ ok: false, reason: 'invalid_url' });
    expect(resolver).not.toHaveBeenCalled();
  });

  test('When the host does not resolve or resolves to nothing, then it is refused as unresolvable', async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(checkTarget('https://nowhere.invalid/', { resolver: failing })).resolves.toMatchObject({
      ok: false,
      reason: 'unresolvable',
      message: 'nowhere.invalid does not resolve (ENOTFOUND)',
    });
    await expect(checkTarget('https://empty.test/', { resolver: resolvesTo() })).resolves.toMatchObject({ ok: false, reason: 'unresolvable' });
  });

  test('When no resolver is given, then the system resolver is used (localhost is loopback)', async () => {
    const result = await checkTarget('http://localhost:9/');
    expect(result).toMatchObject({ ok: false, reason: 'address' });
    expect(result.addresses.every((a) => a.refused === 'loopback')).toBe(true);
  });
});
