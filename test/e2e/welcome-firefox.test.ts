// @vitest-environment node
// Firefox lets people withhold an extension's site access at install. Then the extension's first run
// opens its welcome page, which says why access is needed and offers to ask for it.
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { pollPage, withFirefox } from './helpers';

/** The tab showing a URL ending in `suffix`. Over BiDi, a tab an extension opened keeps reporting about:blank as its url(), so ask the page. */
async function findPage(browser: Browser, suffix: string, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.endsWith(suffix)) return page;
    }
    if (Date.now() > deadline) throw new Error(`no tab opened ${suffix} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Firefox first run without site access', () => {
  const { session } = withFirefox({ launch: { firstRun: 'keep', prefs: { 'extensions.originControls.grantByDefault': false } } });

  it('opens the welcome page, which explains and offers to ask for access', async () => {
    const welcome = await findPage(session().browser, '/welcome.html');
    expect(await welcome.evaluate(() => location.protocol)).toBe('moz-extension:');
    const shown = await pollPage(
      welcome as never,
      () => {
        const heading = document.querySelector('h1')?.textContent;
        const button = [...document.querySelectorAll('button')].map((b) => b.textContent);
        return heading ? { heading, button, text: document.body.textContent ?? '' } : null;
      },
      null,
      { message: 'the welcome page to render' },
    );
    expect(shown.heading).toBe('Welcome to Context Cards');
    expect(shown.button).toContain('Allow access to web pages');
    expect(shown.text).toContain('nothing you read is sent anywhere');
  });
});
