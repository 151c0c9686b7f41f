// Reader paths shared by both browsers: connections, cues that arrive later, pinning, keyboard focus.
// Uses only what Playwright and Puppeteer pages have in common.
import { expect, it } from 'vitest';
import { cardAppearsWithin, hoverText, moveMouseAway, pollPage, readCard, sleep, waitForCard, waitForNoCard, waitForScan } from './helpers';

interface CommonPage {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
}

/** Centre of a button in the card, found by its text or accessible label. */
export function cardButtonPoint(label: string): { x: number; y: number } | null {
  const root = document.querySelector('context-cards-host')?.shadowRoot;
  const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
  if (!button) return null;
  button.scrollIntoView({ block: 'nearest' });
  const r = button.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

const mentionCount = (page: CommonPage) => page.evaluate(() => Number(document.querySelector('context-cards-host')?.getAttribute('data-mentions')), null);

export function readerSuite(getPage: () => CommonPage, url: () => string, options: { keyboardFocus: boolean }): void {
  const clickCardButton = async (label: string) => {
    const page = getPage();
    const point = await page.evaluate(cardButtonPoint, label);
    expect(point, `card button "${label}"`).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await page.mouse.click(point!.x, point!.y);
  };

  const fresh = async () => {
    const page = getPage();
    await page.goto(url());
    await waitForScan(page);
    await moveMouseAway(page);
  };

  it('follows a connection from Meng Hongwei to Interpol and back', async () => {
    await fresh();
    const page = getPage();
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await clickCardButton('Interpol');
    await waitForCard(page, { name: 'Interpol' });
    await clickCardButton('Back to the previous card');
    const back = await waitForCard(page, { name: 'Meng Hongwei' });
    expect(back.text).toContain('Interpol');
    // Following a connection pinned the card: it stays when the pointer leaves.
    await moveMouseAway(page);
    await sleep(600);
    expect((await readCard(page))?.name).toBe('Meng Hongwei');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  });

  it('marks an earlier Wang Yi once its cue arrives with content loaded later', async () => {
    await fresh();
    const page = getPage();
    await hoverText(page, 'Wang Yi');
    expect(await cardAppearsWithin(page, 600)).toBe(false);
    await moveMouseAway(page);
    const before = await mentionCount(page);
    await page.evaluate(() => (window as unknown as { addMore(): void }).addMore(), null);
    // The new paragraph holds no name itself; the count grows only if Wang Yi above is promoted.
    await pollPage(page, (n: number) => Number(document.querySelector('context-cards-host')?.getAttribute('data-mentions')) > n || null, before, {
      message: 'Wang Yi to be promoted by the late cue',
    });
    await hoverText(page, 'Wang Yi');
    await waitForCard(page, { name: 'Wang Yi' });
  });

  it('after an in-place SPA navigation, marks the new story and nothing stale', async () => {
    await fresh();
    const page = getPage();
    await page.evaluate(() => (window as unknown as { navigateSpa(): void }).navigateSpa(), null);
    await hoverText(page, 'Zabihullah Mujahid');
    await waitForCard(page, { name: 'Zabihullah Mujahid' });
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    const stale = await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('context-cards-mention');
      return [...(highlight ?? [])].some((range) => range.toString().includes('Meng Hongwei') || !range.startContainer.isConnected);
    }, null);
    expect(stale).toBe(false);
  });

  it('pins a card on click until Escape', async () => {
    await fresh();
    const page = getPage();
    const point = await hoverText(page, 'Osama bin Laden');
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, { name: 'Osama bin Laden' });
    // The paragraph's own title tooltip is set aside while the card is open, then put back.
    expect(await page.evaluate(() => document.getElementById('bin')!.getAttribute('title'), null)).toBeNull();
    await moveMouseAway(page);
    await sleep(700);
    expect((await readCard(page))?.name).toBe('Osama bin Laden');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => document.getElementById('bin')!.getAttribute('title'), null)).toBe('About al-Qaeda');
  });

  // Headless Firefox under WebDriver BiDi never gives the page window focus (document.hasFocus() is
  // false), so no focus event reaches any listener there: this path is proven in Chromium only.
  if (!options.keyboardFocus) return;
  it('opens the card of a name in a link that gets keyboard focus; Esc closes it and keeps focus', async () => {
    await fresh();
    const page = getPage();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), null);
    // Tab from the start of the page to the first link, which holds Hua Chunying's name.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.id ?? '', null);
    expect(focused).toBe('link');
    await waitForCard(page, { name: 'Hua Chunying' });
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => document.activeElement?.id ?? '', null)).toBe('link');
    await page.keyboard.press('Tab');
    expect(await cardAppearsWithin(page, 500)).toBe(false);
  });
}
