// @vitest-environment node
// Hostile pages in Chromium (one browser for the file): see hostile-suite.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROME_DIST, HOOK_TIMEOUT, launchChromium, startFixtureServer, type FixtureServer } from './helpers';
import { hostileRoutes } from './hostile-routes';
import { hostileSuite } from './hostile-suite';

let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
let fixture: FixtureServer;
const errors: string[] = [];
const consoleProblems: string[] = [];

describe('hostile pages in Chromium', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer(hostileRoutes);
    session = await launchChromium({ extensionDir: CHROME_DIST, headless: true });
    session.page.on('pageerror', (error) => errors.push(String(error)));
    session.page.on('console', (message) => {
      if (['error', 'warn', 'warning'].includes(message.type())) consoleProblems.push(`${message.type()}: ${message.text()}`);
    });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  hostileSuite(() => session!.page as never, (name) => `${fixture.url}hostile/${name}`, () => errors, {
    browser: 'chromium',
    consoleProblems: () => consoleProblems,
  });
});
