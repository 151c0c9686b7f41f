// @vitest-environment node
// Card placement in Chromium (one browser for the file): see placement-suite.ts, plus browser zoom,
// which only Chromium can emulate here (device metrics over CDP).
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hoverText, moveMouseAway, waitForCard, waitForNoCard, waitForScan, withChromium } from './helpers';
import { expectClear, placementSuite, settledLayout, type PlacementPage } from './placement-suite';

describe('card placement in Chromium', () => {
  const { session, fixture } = withChromium();
  let cdp: CDPSession | undefined;
  const devtools = async (): Promise<CDPSession> => (cdp ??= await session().context.newCDPSession(session().page));

  placementSuite({
    page: () => session().page as unknown as PlacementPage,
    url: () => `${fixture().url}placement.html`,
    resize: (width, height) => session().page.setViewportSize({ width, height }),
  });

  it("follows the reader's colour scheme and reduced-motion preference", async () => {
    const page = session().page;
    const look = async () => {
      await page.goto(`${fixture().url}placement.html`);
      await waitForScan(page);
      await moveMouseAway(page);
      await hoverText(page, 'Wang Yi');
      await waitForCard(page, { name: 'Wang Yi' });
      return page.evaluate(() => {
        const card = document.querySelector('context-cards-host')!.shadowRoot!.querySelector('[role="dialog"]')!;
        const style = getComputedStyle(card);
        return { background: style.backgroundColor, animation: style.animationName };
      });
    };
    try {
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
      expect(await look()).toEqual({ background: 'rgb(255, 255, 255)', animation: 'appear' });
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      expect(await look()).toEqual({ background: 'rgb(31, 34, 40)', animation: 'none' });
    } finally {
      await page.emulateMedia({ colorScheme: null, reducedMotion: null });
    }
  });

  it('shows the card over the element in full screen', async () => {
    const page = session().page;
    await page.goto(`${fixture().url}placement.html`);
    await waitForScan(page);
    await page.click('#full'); // a real click: full screen needs a user gesture
    await page.waitForFunction(() => document.fullscreenElement?.id === 'stage');
    await moveMouseAway(page);
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the entry animation end
    // On top and usable: a real click on the card's close button reaches it and closes the card.
    const close = await page.evaluate(() => {
      const button = document.querySelector('context-cards-host')!.shadowRoot!.querySelector('.close')!.getBoundingClientRect();
      return { x: button.left + button.width / 2, y: button.top + button.height / 2 };
    });
    await page.mouse.click(close.x, close.y);
    await waitForNoCard(page);
    expect(await page.evaluate(() => document.fullscreenElement?.id)).toBe('stage');
    await page.evaluate(() => document.exitFullscreen());
  });

  it('shows the card over full screen entered after an earlier card', async () => {
    const page = session().page;
    await page.goto(`${fixture().url}placement.html`);
    await waitForScan(page);
    // A first card puts our host in the top layer; it stays there between cards.
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    await page.click('#full');
    await page.waitForFunction(() => document.fullscreenElement?.id === 'stage');
    await moveMouseAway(page);
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const close = await page.evaluate(() => {
      const button = document.querySelector('context-cards-host')!.shadowRoot!.querySelector('.close')!.getBoundingClientRect();
      return { x: button.left + button.width / 2, y: button.top + button.height / 2 };
    });
    // On top and usable: a real click on the card's close button reaches it and closes the card.
    await page.mouse.click(close.x, close.y);
    await waitForNoCard(page);
    await page.evaluate(() => document.exitFullscreen());
  });

  // Browser zoom in a 1280 × 800 window: the page sees a viewport of 1280/z × 800/z CSS pixels at a
  // device pixel ratio of z.
  it.each([0.5, 2, 3])('stays inside the viewport and off the name at %s× zoom', async (zoom) => {
    const page = session().page;
    const width = Math.round(1280 / zoom);
    const height = Math.round(800 / zoom);
    await (await devtools()).send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: zoom, mobile: false });
    try {
      await page.goto(`${fixture().url}placement.html`);
      await waitForScan(page);
      await moveMouseAway(page);
      await hoverText(page, 'Hua Chunying');
      await waitForCard(page, { name: 'Hua Chunying' });
      expectClear(await settledLayout(page as unknown as PlacementPage, 'Hua Chunying', '#right'));
    } finally {
      await (await devtools()).send('Emulation.clearDeviceMetricsOverride');
    }
  });
});
