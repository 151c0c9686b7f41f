// @vitest-environment node
// What the reader sees in Firefox, in pixels (one browser for the file): see visible-suite.ts.
// WebDriver BiDi cannot reach the extension's storage, so the style is switched in the page's
// highlight registry (shared with the content script) the way Marks.setStyle does it; what is
// tested is how Firefox paints the extension's own stylesheet.
import { describe } from 'vitest';
import { pollPage, withFirefox } from './helpers';
import { setStyleInPage, showsStyleInPage, visibleSuite, type MarkStyle, type VisiblePage } from './visible-suite';

describe('visible marks and card in Firefox', () => {
  const { session, fixture } = withFirefox();
  visibleSuite({
    page: () => session().page as unknown as VisiblePage,
    url: () => `${fixture().url}marks.html`,
    setStyle: async (style: MarkStyle) => {
      await session().page.evaluate(setStyleInPage, style);
      await pollPage(session().page, showsStyleInPage, style, { message: `the page to show the ${style} style` });
    },
  });
});
