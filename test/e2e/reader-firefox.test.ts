// @vitest-environment node
// Reader paths in Firefox (one browser for the file): see reader-suite.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { FIREFOX_DIST, HOOK_TIMEOUT, launchFirefox, startFixtureServer, type FixtureServer } from './helpers';
import { readerSuite } from './reader-suite';

let session: Awaited<ReturnType<typeof launchFirefox>> | undefined;
let fixture: FixtureServer;

describe('reader paths in Firefox', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    session = await launchFirefox({ extensionDir: FIREFOX_DIST, headless: true });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  readerSuite(() => session!.page as never, () => `${fixture.url}reader.html`, { keyboardFocus: false });
});
