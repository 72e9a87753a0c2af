// The length of the queue of connections the kernel holds until the server accepts them. Node asks
// for 511. When an exam window opens, a couple of thousand phones connect within seconds while the
// server is busy: past the queue's length the kernel drops their handshakes, and a phone tries
// again only 1, 3, 7 … s later, or gives up (bench:load counted 400 failed starts and pages of
// 2,000 candidates on one process; with 4,096, none). The kernel caps it at net.core.somaxconn.
import http from 'node:http';

/**
 * The options adapter-node listens with, asking for `backlog`: its `{ path, host, port }`, not a
 * socket handed over by systemd (`{ fd }`, whose queue the socket unit sets), nor a backlog given.
 * @param {unknown} options
 * @param {number} backlog
 */
export function listenOptions(options, backlog) {
	if (!options || typeof options !== 'object' || 'fd' in options || 'backlog' in options)
		return options;
	return { ...options, backlog };
}

/** Makes every HTTP server of this process listen with `backlog` (see above). */
export function useListenBacklog(backlog) {
	const listen = http.Server.prototype.listen;
	http.Server.prototype.listen = function (options, ...rest) {
		return listen.call(this, listenOptions(options, backlog), ...rest);
	};
}
