// @vitest-environment node
// Hostile pages in Chromium (one browser for the file): see hostile-suite.ts.
import { describeHostilePages } from './hostile-suite';

describeHostilePages('chromium');
