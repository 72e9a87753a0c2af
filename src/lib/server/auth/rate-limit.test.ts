import { describe, expect, it } from 'vitest';
import { throttleAddress, verifyKey } from './rate-limit.ts';

describe('throttleAddress (what one client is, for the login and lookup limits)', () => {
	it('counts every address of an IPv6 /64 as one, however it is written', () => {
		const one = throttleAddress('2001:db8:0:7::1');
		for (const other of [
			'2001:db8:0:7:ffff:ffff:ffff:ffff',
			'2001:0DB8:0000:0007:1234:5678:9abc:def0',
			'2001:db8::7:0:0:0:2',
			'2001:db8:0:7::1%eth0',
			'2001:db8:0:7::10.1.2.3'
		]) {
			expect(throttleAddress(other)).toBe(one);
		}
	});

	it('keeps neighbouring /64s and IPv4 addresses apart', () => {
		expect(throttleAddress('2001:db8:0:8::1')).not.toBe(throttleAddress('2001:db8:0:7::1'));
		expect(throttleAddress('::1')).not.toBe(throttleAddress('2001:db8:0:7::1'));
		expect(throttleAddress('10.0.0.1')).not.toBe(throttleAddress('10.0.0.2'));
	});

	it('counts an IPv4 address written as IPv6 (a dual-stack socket) as the IPv4 address', () => {
		expect(verifyKey('::ffff:10.0.0.1').key).toBe(verifyKey('10.0.0.1').key);
	});
});
