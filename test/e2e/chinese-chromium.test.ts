// @vitest-environment node
// The Chinese interface in Chromium (issue 21), one browser per locale, launched with `--lang`:
// the card's own strings in the UI language and marked so (lang="zh-CN" / "zh-TW"), its dataset
// text still English and marked lang="en"; the popup and the first-run page name the story in
// Chinese; axe finds nothing in the card or the popup. Firefox picks its UI language from its
// build's locale, not from a preference a test can set on Debian's English package.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe } from './axe';
import { hoverText, moveMouseAway, waitForCard, waitForScan, withChromium } from './helpers';
import type { ReadersPage } from './readers-suite';

/** Runs in the page: the open card's languages and some of its own strings. */
function cardLanguages() {
  const dialog = document.querySelector('context-cards-host')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) return null;
  return {
    lang: dialog.lang,
    dir: dialog.dir,
    nameLang: dialog.querySelector('h2')?.closest('[lang]')?.getAttribute('lang'),
    summaryLang: dialog.querySelector('.summary')?.closest('[lang]')?.getAttribute('lang'),
    category: dialog.querySelector('.category')?.textContent,
    close: dialog.querySelector('.close')?.getAttribute('aria-label'),
    sections: [...dialog.querySelectorAll('summary h3')].map((h) => h.textContent),
    live: document.querySelector('context-cards-host')?.shadowRoot?.querySelector('[aria-live]')?.getAttribute('lang'),
  };
}

const LOCALES = [
  { flag: 'zh-CN', person: '人物', close: '关闭卡片', sources: '出处', story: '关于一篇报道', date: '2021年9月9日' },
  { flag: 'zh-TW', person: '人物', close: '關閉卡片', sources: '出處', story: '關於一篇報導', date: '2021年9月9日' },
] as const;

for (const locale of LOCALES) {
  describe(`the ${locale.flag} interface in Chromium`, () => {
    const { session, fixture } = withChromium({ launch: { args: [`--lang=${locale.flag}`] } });

    it('the card: its own strings in Chinese and marked so, the dataset text marked English; axe finds nothing', async () => {
      const page = session().page;
      await page.goto(`${fixture().url}reader.html`);
      await waitForScan(page);
      await moveMouseAway(page);
      await hoverText(page, 'Meng Hongwei');
      await waitForCard(page, { name: 'Meng Hongwei' });
      const card = (await page.evaluate(cardLanguages))!;
      expect(card).toMatchObject({
        lang: locale.flag,
        dir: 'ltr',
        nameLang: 'en',
        summaryLang: 'en',
        category: locale.person,
        close: locale.close,
        live: locale.flag,
      });
      expect(card.sections).toContain(locale.sources);
      const report = await runAxe(page as unknown as ReadersPage, 'context-cards-host');
      expect(report.violations).toEqual([]);
    });

    it('the popup and the first-run page name the story in Chinese; axe finds nothing in the popup', async () => {
      const tabs: Page[] = [];
      // The popup is asked about the fixture page's tab, which names figures.
      const page = session().page;
      await page.goto(`${fixture().url}reader.html`);
      await waitForScan(page);
      await page.bringToFront();
      const tabId = await session().serviceWorker!.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
        return (await api.tabs.query({ active: true }))[0]!.id!;
      });
      try {
        for (const path of [`popup.html?tab=${tabId}`, 'welcome.html']) {
          const tab = await session().context.newPage();
          tabs.push(tab);
          await tab.goto(`chrome-extension://${session().extensionId}/${path}`);
          await tab.waitForSelector(path.startsWith('popup') ? '.figure-name' : 'h1');
          expect(await tab.getAttribute('html', 'lang')).toBe(locale.flag);
          const text = (await tab.textContent('body')) ?? '';
          expect(text).toContain(locale.story);
          expect(text).toContain(locale.date);
          expect(text).toContain('China Allies With Taliban After US Withdrawal From Afghanistan');
          if (path.startsWith('popup')) {
            expect((await runAxe(tab as unknown as ReadersPage)).violations).toEqual([]);
            // The dataset's names and roles in the list are English, and marked so.
            const names = await tab.$$eval('.figure-name, .figure-role', (els) => els.map((el) => el.closest('[lang]')!.getAttribute('lang')));
            expect(names.length).toBeGreaterThan(0);
            expect(new Set(names)).toEqual(new Set(['en']));
          }
        }
      } finally {
        for (const tab of tabs) await tab.close();
      }
    });
  });
}
