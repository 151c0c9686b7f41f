// Behaviour on the basic fixture page, shared by both browsers' files (each launches its own browser).
import { expect, it } from 'vitest';
import {
  cardAppearsWithin,
  checkDomInPage,
  elementBox,
  hoverText,
  markedRangesInPage,
  moveMouseAway,
  readCard,
  sleep,
  waitForCard,
  waitForNoCard,
} from './helpers';

// Playwright's and Puppeteer's pages: the helpers accept both.
type AnyPage = Parameters<typeof hoverText>[0] & { keyboard: { press(key: string): Promise<void> } };

export function basicPageSuite(getPage: () => AnyPage): void {
  it('a name split over inline elements (<b>Wang</b> Yi) is one mention', async () => {
    const page = getPage();
    await moveMouseAway(page);
    await waitForNoCard(page, { timeout: 3_000 });
    await hoverText(page, 'Wang Yi'); // centre of the first box: the bold "Wang"
    const card = await waitForCard(page);
    expect(card.name).toMatch(/^Wang Yi\b/);
  });

  it('leaves the page markup alone: body unchanged, one host on <html>', async () => {
    const page = getPage();
    await moveMouseAway(page);
    await waitForNoCard(page, { timeout: 3_000 });
    await hoverText(page, 'Meng Hongwei'); // with a card open
    await waitForCard(page, { name: 'Meng Hongwei' });
    const dom = await page.evaluate(checkDomInPage);
    expect(dom.diff).toBeNull();
    expect(dom.sameAsDomContentLoaded).toBe(true);
    expect(dom.sameAsEndOfParse).toBe(true);
    expect(dom.htmlChildren).toEqual(['head', 'body', 'context-cards-host']);
    expect(dom.hostCount).toBe(1);
  });

  it('closes the card when the pointer leaves the name, and on Escape', async () => {
    const page = getPage();
    await moveMouseAway(page);
    await waitForNoCard(page, { timeout: 3_000 });
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await moveMouseAway(page); // top-left corner: neither a name nor the card
    await waitForNoCard(page, { timeout: 3_000 });

    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await page.keyboard.press('Escape');
    await waitForNoCard(page, { timeout: 1_000 });
    // The pointer has not moved: the card must not pop straight back.
    await sleep(400);
    expect((await readCard(page))?.visible ?? false).toBe(false);
  });

  it('does not mark names inside <pre>, <code>, <textarea> or <input>', async () => {
    const page = getPage();
    const marked = await page.evaluate(markedRangesInPage, ['#pre', '#code', '#ta', '#input', '#p1']);
    expect(marked.total, 'highlight ranges readable from the page').toBeGreaterThan(0);
    expect(marked.inside['#p1']).toContain('Meng Hongwei'); // control: the same name in prose is marked
    expect(marked.inside).toMatchObject({ '#pre': [], '#code': [], '#ta': [], '#input': [] });
    for (const within of ['#pre', '#code']) {
      await moveMouseAway(page);
      await waitForNoCard(page, { timeout: 3_000 });
      await hoverText(page, 'Meng Hongwei', { within });
      expect(await cardAppearsWithin(page, 600), `card opened over a name in ${within}`).toBe(false);
    }
    for (const sel of ['#ta', '#input']) {
      await moveMouseAway(page);
      await waitForNoCard(page, { timeout: 3_000 });
      const box = await elementBox(page, sel);
      // The field's text starts with "Meng Hongwei"; aim at "Meng".
      await page.mouse.move(box.x + 22, box.y + Math.min(14, box.height / 2));
      expect(await cardAppearsWithin(page, 600), `card opened over a name in ${sel}`).toBe(false);
    }
  });
}
