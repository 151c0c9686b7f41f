// @vitest-environment node
// A long page in Firefox (one browser for the file; with FIREFOX_PATH, ESR 140's tinted marks): see far-marks-suite.ts.
import { describe } from 'vitest';
import { farMarksSuite, FAR_MARKS_ROUTES } from './far-marks-suite';
import { withFirefox } from './helpers';
import type { VisiblePage } from './visible-suite';

describe('marks on a long page (Firefox)', () => {
  const { session, fixture } = withFirefox({ routes: FAR_MARKS_ROUTES });
  farMarksSuite({
    page: () => session().page as unknown as VisiblePage,
    base: () => fixture().url,
    clipInDocument: true,
  });
});
