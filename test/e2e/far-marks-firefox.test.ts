// @vitest-environment node
// A long page in Firefox (one browser for the file; with FIREFOX_PATH, ESR 140's tinted marks): see far-marks-suite.ts.
import { describe } from 'vitest';
import { bandPage, farMarksSuite, farPage } from './far-marks-suite';
import { withFirefox } from './helpers';
import type { VisiblePage } from './visible-suite';

describe('marks on a long page (Firefox)', () => {
  const { session, fixture } = withFirefox({
    routes: {
      '/far.html': () => ({ type: 'text/html; charset=utf-8', body: farPage() }),
      '/band.html': () => ({ type: 'text/html; charset=utf-8', body: bandPage() }),
    },
  });
  farMarksSuite({
    page: () => session().page as unknown as VisiblePage,
    url: () => `${fixture().url}far.html`,
    bandUrl: () => `${fixture().url}band.html`,
    clipInDocument: true,
  });
});
