// @vitest-environment node
// Hostile pages in Chromium (one browser for the file): see hostile-suite.ts.
import { beforeAll, describe } from 'vitest';
import { withChromium } from './helpers';
import { hostileRoutes } from './hostile-routes';
import { hostileSuite } from './hostile-suite';

const errors: string[] = [];
const consoleProblems: string[] = [];

describe('hostile pages in Chromium', () => {
  const { session, fixture } = withChromium({ routes: hostileRoutes });
  beforeAll(() => {
    const page = session().page;
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (['error', 'warn', 'warning'].includes(message.type())) consoleProblems.push(`${message.type()}: ${message.text()}`);
    });
  });

  hostileSuite(() => session().page as never, (name) => `${fixture().url}hostile/${name}`, () => errors, {
    browser: 'chromium',
    consoleProblems: () => consoleProblems,
  });
});
