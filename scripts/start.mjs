// Starts the built server (build/) with settings that suit a single machine:
//   node scripts/start.mjs          production start (no demo data unless XUEFA_DEMO=1)
//   node scripts/start.mjs --demo   the fictional demo district on the embedded database
import { existsSync } from 'node:fs';
import { useListenBacklog } from './listen-backlog.mjs';

const demo = process.argv.includes('--demo');
if (demo) process.env.XUEFA_DEMO = '1';
process.env.NODE_ENV ??= 'production';
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node needs to know its public origin to accept form posts (CSRF check)
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// uploads (rosters, question files) may be up to 5 MB; adapter-node's default limit is 512 KB
process.env.BODY_SIZE_LIMIT ??= '6M';
// Node closes a connection idle for 5 s; a candidate's page saves every few seconds to a minute, so
// on exam day thousands of phones would connect anew at every answer, all at once when the window
// opens. Idle connections stay open a minute (longer than a proxy's usual 60 s upstream keep-alive).
process.env.KEEP_ALIVE_TIMEOUT ??= '65';
// the kernel's queue of connections not yet accepted (see listen-backlog.mjs)
useListenBacklog(Number(process.env.LISTEN_BACKLOG ?? 4096));

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
await import('../build/index.js');
console.log(`\n学法 Xuefa is running at ${process.env.ORIGIN}\n`);
