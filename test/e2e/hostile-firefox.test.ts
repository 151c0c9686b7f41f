// @vitest-environment node
// Hostile pages in Firefox (one browser for the file): see hostile-suite.ts.
import { describeHostilePages } from './hostile-suite';

describeHostilePages('firefox');
