// @vitest-environment node
// Popup and options in Chromium (one browser for the file): see settings-suite.ts.
// Chromium only: Firefox's WebDriver BiDi refuses to navigate a tab to a moz-extension:// page
// ("not allowed in this context"), so a test cannot open the popup or options page there.
import { describe } from 'vitest';
import { withChromium } from './helpers';
import { settingsSuite, type SuitePage } from './settings-suite';

describe('popup and options in Chromium', () => {
  const { session, fixture } = withChromium();
  settingsSuite({
    page: () => session().page as unknown as SuitePage,
    open: async (url) => {
      const page = await session().context.newPage();
      await page.goto(url);
      return page as unknown as SuitePage;
    },
    extensionUrl: (path) => `chrome-extension://${session().extensionId}/${path}`,
    fixtureUrl: (name) => `${fixture().url}${name}`,
  });
});
