// @vitest-environment node
// Popup and options in Chromium (one browser for the file): see settings-suite.ts.
// Chromium only: Firefox's WebDriver BiDi refuses to navigate a tab to a moz-extension:// page
// ("not allowed in this context"), so a test cannot open the popup or options page there.
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROME_DIST, HOOK_TIMEOUT, launchChromium, startFixtureServer, type FixtureServer } from './helpers';
import { settingsSuite, type SuitePage } from './settings-suite';

let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
let fixture: FixtureServer;

describe('popup and options in Chromium', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    session = await launchChromium({ extensionDir: CHROME_DIST, headless: true });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  settingsSuite({
    page: () => session!.page as unknown as SuitePage,
    open: async (url) => {
      const page = await session!.context.newPage();
      await page.goto(url);
      return page as unknown as SuitePage;
    },
    extensionUrl: (path) => `chrome-extension://${session!.extensionId}/${path}`,
    fixtureUrl: (name) => `${fixture.url}${name}`,
  });
});
