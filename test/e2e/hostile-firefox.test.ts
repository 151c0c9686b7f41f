// @vitest-environment node
// Hostile pages in Firefox (one browser for the file): see hostile-suite.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { FIREFOX_DIST, HOOK_TIMEOUT, launchFirefox, startFixtureServer, type FixtureServer } from './helpers';
import { hostileRoutes } from './hostile-routes';
import { hostileSuite } from './hostile-suite';

let session: Awaited<ReturnType<typeof launchFirefox>> | undefined;
let fixture: FixtureServer;
const errors: string[] = [];
const consoleProblems: string[] = [];

describe('hostile pages in Firefox', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer(hostileRoutes);
    session = await launchFirefox({ extensionDir: FIREFOX_DIST, headless: true });
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
    browser: 'firefox',
    consoleProblems: () => consoleProblems,
  });
});
