// @vitest-environment node
// A long page in Firefox (one browser for the file; with FIREFOX_PATH, ESR 140's tinted marks): see far-marks-suite.ts.
import { describe } from 'vitest';
import { farMarksSuite, farPage } from './far-marks-suite';
import { withFirefox } from './helpers';
import type { VisiblePage } from './visible-suite';

describe('marks on a long page (Firefox)', () => {
  const { session, fixture } = withFirefox({ routes: { '/far.html': () => ({ type: 'text/html; charset=utf-8', body: farPage() }) } });
  farMarksSuite({ page: () => session().page as unknown as VisiblePage, url: () => `${fixture().url}far.html`, clipInDocument: true });
});
