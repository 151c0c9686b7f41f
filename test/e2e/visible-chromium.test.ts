// @vitest-environment node
// What the reader sees in Chromium, in pixels (one browser for the file): see visible-suite.ts.
// The style is switched through the extension's own settings, as the options page does.
import { describe } from 'vitest';
import { pollPage, withChromium } from './helpers';
import { showsStyleInPage, visibleSuite, type MarkStyle, type VisiblePage } from './visible-suite';

describe('visible marks and card in Chromium', () => {
  const { session, fixture } = withChromium();
  visibleSuite({
    page: () => session().page as unknown as VisiblePage,
    url: () => `${fixture().url}marks.html`,
    setStyle: async (style: MarkStyle) => {
      await session().serviceWorker!.evaluate(async (highlight) => {
        const api = (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome;
        await api.storage.sync.set({ settings: { version: 1, highlight } });
      }, style);
      await pollPage(session().page, showsStyleInPage, style, { message: `the page to show the ${style} style` });
    },
  });
});
