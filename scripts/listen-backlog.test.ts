import { describe, expect, it } from 'vitest';
import { listenOptions } from './listen-backlog.mjs';

describe('the listen backlog npm start asks for', () => {
	it('is added to the address adapter-node listens on', () => {
		expect(listenOptions({ host: '0.0.0.0', port: 3000 }, 4096)).toEqual({
			host: '0.0.0.0',
			port: 3000,
			backlog: 4096
		});
		expect(listenOptions({ path: '/run/xuefa.sock' }, 4096)).toEqual({
			path: '/run/xuefa.sock',
			backlog: 4096
		});
	});

	it('leaves a socket from systemd, and a backlog already given, as they are', () => {
		expect(listenOptions({ fd: 3 }, 4096)).toEqual({ fd: 3 });
		expect(listenOptions({ port: 3000, backlog: 100 }, 4096)).toEqual({ port: 3000, backlog: 100 });
		expect(listenOptions(3000, 4096)).toBe(3000);
	});
});
