// @vitest-environment node
// Looking a figure up off the page, in Chromium (one browser for the file): the popup's cast and its
// search over every form of every figure, the card in place, the lookup page the context menu opens,
// the differences view, and the menu's click handler called in the service worker.
// Chromium only: Firefox's WebDriver BiDi refuses to open moz-extension:// pages in a tab, and
// neither browser lets a headless test open a native context menu or the PDF viewer; the handler's
// branches are unit-tested (test/unit/context-menu.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shortPrefix } from '../support/prefix';
import { ROOT, pollPage, waitForCard, waitForScan, withChromium } from './helpers';

interface FigureForms {
  id: string;
  name: string;
  forms: string[];
}

/** Every figure's forms as the dataset's source files list them. */
const FIGURES: FigureForms[] = readdirSync(path.join(ROOT, 'assets/figures'))
  .filter((n) => n.endsWith('.json'))
  .map((n) => JSON.parse(readFileSync(path.join(ROOT, 'assets/figures', n), 'utf8')))
  .map((f) => ({
    id: f.id,
    name: f.name,
    forms: [f.name, ...f.aliases.map((a: { text: string }) => a.text), ...f.nativeNames.map((a: { text: string }) => a.text)],
  }));

/**
 * Runs in the page: types a query into the cast's search box and returns the listed figure ids once
 * Preact has rendered them (it renders after the event, so the list is read after a task).
 */
async function searchInPage(query: string): Promise<string[]> {
  const input = document.querySelector<HTMLInputElement>('#cast-search')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return [...document.querySelectorAll<HTMLElement>('button.figure')].map((b) => b.dataset.figure!);
}

describe('looking a figure up in Chromium', () => {
  const { session, fixture } = withChromium();
  const ext = (p: string) => `chrome-extension://${session().extensionId}/${p}`;
  const dialogName = (page: Page) => page.evaluate(() => document.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null);

  it("the popup's cast lists all 27 figures and finds each by each of its forms, whole and by a prefix", { timeout: 60_000 }, async () => {
    const popup = await session().context.newPage();
    try {
      await popup.goto(ext('popup.html'));
      await popup.getByRole('button', { name: /figures of the story/ }).click();
      await popup.locator('#cast-search').waitFor();
      expect(await popup.locator('button.figure').count()).toBe(27);
      expect(FIGURES).toHaveLength(27);
      const misses: string[] = [];
      let queries = 0;
      for (const figure of FIGURES) {
        for (const form of figure.forms) {
          for (const query of [form, shortPrefix(form)]) {
            if (!query) continue;
            queries++;
            if (!(await popup.evaluate(searchInPage, query)).includes(figure.id)) misses.push(`${figure.id}: "${query}"`);
          }
        }
      }
      console.log(`cast search: ${queries} queries over ${FIGURES.length} figures`);
      expect(misses).toEqual([]);

      // Keyboard: type, Enter opens the first result's card with the focus in it, Esc returns to the list.
      await popup.evaluate(searchInPage, '');
      await popup.locator('#cast-search').fill('Baradar');
      await popup.keyboard.press('Enter');
      await pollPage(popup, () => document.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null, null, { message: 'the card' });
      expect(await dialogName(popup)).toBe('Abdul Ghani Baradar');
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
      await popup.keyboard.press('Escape');
      await pollPage(popup, () => document.activeElement?.id === 'cast-search' || null, null, { message: 'focus back in the search box' });
      expect(await dialogName(popup)).toBeNull();
    } finally {
      await popup.close();
    }
  });

  it('the lookup page shows the card a selection names, or says it names none and offers the search', async () => {
    const lookup = await session().context.newPage();
    try {
      await lookup.goto(ext(`lookup.html?q=${encodeURIComponent('Mullah Baradar')}`));
      await pollPage(lookup, () => document.querySelector('[role="dialog"]') !== null || null, null, { message: 'the card' });
      expect(await dialogName(lookup)).toBe('Abdul Ghani Baradar');
      await lookup.goto(ext(`lookup.html?q=${encodeURIComponent('the weather in Lyon')}`));
      const notice = await pollPage(lookup, () => document.querySelector('.notice')?.textContent ?? null, null, { message: 'the notice' });
      expect(notice).toBe('“the weather in Lyon” names no figure of the story. Search for one below.');
      expect(await lookup.inputValue('#cast-search')).toBe('the weather in Lyon');
    } finally {
      await lookup.close();
    }
  });

  it('the differences view lists every Check in the dataset', async () => {
    const checks = readdirSync(path.join(ROOT, 'assets/figures'))
      .filter((n) => n.endsWith('.json'))
      .reduce((n, f) => n + JSON.parse(readFileSync(path.join(ROOT, 'assets/figures', f), 'utf8')).checks.length, 0);
    const page = await session().context.newPage();
    try {
      await page.goto(ext('lookup.html#differences'));
      await page.locator('.check-item').first().waitFor();
      expect(await page.locator('.check-item').count()).toBe(checks);
    } finally {
      await page.close();
    }
  });

  it(
    "the menu's click handler opens the card at the selection in the page, and the lookup page where no content script runs",
    { timeout: 30_000 },
    async () => {
      const page = session().page;
      await page.goto(`${fixture().url}basic.html`);
      await waitForScan(page);
      await page.evaluate(() => {
        const node = document.querySelector('#p1')!.firstChild as Text;
        const at = node.data.indexOf('Meng Hongwei');
        getSelection()!.setBaseAndExtent(node, at, node, at + 'Meng Hongwei'.length);
      });
      const sw = session().serviceWorker!;
      type Handler = (info: object, tab?: { id?: number | undefined }) => Promise<string>;
      await page.bringToFront();
      const tabId = await sw.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
        return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!;
      });
      const inPage = await sw.evaluate(
        ([id]) =>
          (globalThis as unknown as { contextCardsLookUpFromMenu: Handler }).contextCardsLookUpFromMenu(
            { menuItemId: 'look-up-selection', selectionText: 'Meng Hongwei', frameId: 0 },
            { id },
          ),
        [tabId],
      );
      expect(inPage).toBe('in-page');
      await waitForCard(page, { name: 'Meng Hongwei' });

      // A tab with no content script: the handler opens the lookup page in a small window.
      const opened = session().context.waitForEvent('page');
      const elsewhere = await sw.evaluate(() =>
        (globalThis as unknown as { contextCardsLookUpFromMenu: Handler }).contextCardsLookUpFromMenu(
          { menuItemId: 'look-up-selection', selectionText: 'Hua Chunying', frameId: 0 },
          { id: 2 ** 30 },
        ),
      );
      expect(elsewhere).toBe('lookup-page');
      const lookup = await opened;
      await pollPage(lookup, () => document.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null, null, {
        message: 'the card on the lookup page',
      });
      expect(await dialogName(lookup)).toBe('Hua Chunying');
      await lookup.close();
    },
  );
});
