// The extension opens its first-run page in a new tab when installed, which every launch by
// browsers.mjs is. By default a launch waits for that tab (at most FIRST_RUN_WAIT_MS) and closes
// it, so that tests and tools start with their one page in front; `firstRun: 'keep'` leaves it.

const FIRST_RUN_WAIT_MS = 10_000;
const FIRST_RUN_PATH = '/welcome.html';

/**
 * Polls `find` every 50 ms until it returns something, for at most `ms`; then null.
 * @template T
 * @param {() => T | null | Promise<T | null>} find
 */
async function pollFor(find, ms = FIRST_RUN_WAIT_MS) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found || Date.now() > deadline) return found ?? null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page the launch's own page, brought back to the front
 */
export async function closeChromiumFirstRun(context, page) {
  const welcome = await pollFor(() => context.pages().find((p) => p.url().endsWith(FIRST_RUN_PATH)) ?? null);
  await welcome?.close();
  await page.bringToFront();
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('puppeteer-core').Page} page the launch's own page, brought back to the front
 */
export async function closeFirefoxFirstRun(browser, page) {
  // Over BiDi a tab the extension opened reports about:blank as its url(): ask the page itself.
  const isWelcome = (p) => p.evaluate((path) => location.href.endsWith(path), FIRST_RUN_PATH).catch(() => false);
  const welcome = await pollFor(async () => {
    for (const p of await browser.pages()) if (p !== page && (await isWelcome(p))) return p;
    return null;
  });
  await welcome?.close();
  await page.bringToFront();
}
