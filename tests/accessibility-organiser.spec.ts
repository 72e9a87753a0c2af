/**
 * Every main page the organiser works with, in two walks (banks and statutes; study and exams):
 * axe-core finds nothing and nothing scrolls sideways at 320 CSS px (tests/a11y/walk.ts).
 */
import { WALKS, walkTests } from './a11y/walk.ts';

walkTests(WALKS.filter((w) => w.who === 'organiser'));
