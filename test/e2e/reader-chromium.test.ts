// @vitest-environment node
// Reader paths in Chromium (one browser for the file): see reader-suite.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROME_DIST, HOOK_TIMEOUT, launchChromium, startFixtureServer, type FixtureServer } from './helpers';
import { readerSuite } from './reader-suite';

let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
let fixture: FixtureServer;

describe('reader paths in Chromium', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    session = await launchChromium({ extensionDir: CHROME_DIST, headless: true });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  readerSuite(
    () => session!.page as never,
    () => `${fixture.url}reader.html`,
    { keyboardFocus: true },
  );
});
