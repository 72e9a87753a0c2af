/**
 * Every main page of every role but the organiser (tests/accessibility-organiser.spec.ts, run in
 * CI's other shard), and the login page: axe-core finds nothing and nothing scrolls sideways at
 * 320 CSS px (tests/a11y/walk.ts says at which widths and in which languages).
 */
import { WALKS, walkTests } from './a11y/walk.ts';

walkTests(
	WALKS.filter((w) => w.who !== 'organiser'),
	{ login: true }
);
