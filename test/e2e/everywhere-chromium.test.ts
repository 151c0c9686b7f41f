// @vitest-environment node
// Names inside web components (open shadow roots), added to them later, and inside a srcdoc frame.
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOOK_TIMEOUT, moveMouseAway, pollPage, shadowTextPoint, waitForNoCard, waitForScan, withChromium } from './helpers';

const { session, fixture } = withChromium();
let page: Page;

/** The open card's accessible name in a document, or null. */
function cardName(): string | null {
  return document.querySelector('context-cards-host')?.shadowRoot?.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null;
}

async function waitForCardIn(target: Page | Frame, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await target.evaluate(cardName)) === name) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`card "${name}" did not open; card now: ${await target.evaluate(cardName)}`);
}

describe('names everywhere a reader reads (Chromium)', () => {
  beforeAll(async () => {
    page = session().page;
    await page.goto(`${fixture().url}components.html`);
    await waitForScan(page);
  }, HOOK_TIMEOUT);

  it('opens the card of a name inside an open shadow root', async () => {
    await moveMouseAway(page);
    const point = await page.evaluate(shadowTextPoint, { host: 'quote', text: 'Hua Chunying' });
    await page.mouse.move(point!.x, point!.y);
    await waitForCardIn(page, 'Hua Chunying');
  });

  it('scans text added later inside a shadow root', async () => {
    await moveMouseAway(page);
    await waitForNoCard(page);
    await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
    await pollPage(page, () => Number(document.querySelector('context-cards-host')?.getAttribute('data-mentions')) >= 2 || null, null, {
      message: 'the late component to be scanned',
    });
    const point = await page.evaluate(shadowTextPoint, { host: 'late-quote', text: 'Abdul Ghani Baradar' });
    await page.mouse.move(point!.x, point!.y);
    await waitForCardIn(page, 'Abdul Ghani Baradar');
  });

  it('opens the card of a name inside a srcdoc frame, in that frame', async () => {
    await moveMouseAway(page);
    await waitForNoCard(page);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await waitForScan(frame as unknown as Page);
    const inner = await frame.evaluate(() => {
      const p = document.querySelector('p')!;
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Meng Hongwei');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Meng Hongwei'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const box = (await page.locator('#frame').boundingBox())!;
    await page.mouse.move(box.x + inner.x + 2, box.y + inner.y + 2); // + the frame's 2px border
    await waitForCardIn(frame, 'Meng Hongwei');
    expect(await page.evaluate(cardName)).toBeNull();
  });
});
