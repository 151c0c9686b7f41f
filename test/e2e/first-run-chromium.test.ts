// @vitest-environment node
// Chrome's first run (issue 21): installing the extension opens its first-run page, which names the
// story and shows how to use the cards; Chrome grants site access at install, so the page asks for
// none. (Firefox's first run without site access: welcome-firefox.test.ts.)
import { describe, expect, it } from 'vitest';
import { withChromium } from './helpers';

describe('Chromium first run', () => {
  const { session } = withChromium({ launch: { firstRun: 'keep' } });

  it('opens the first-run page: the story, how to hover, pin, use the shortcuts and the popup; no access request', async () => {
    const deadline = Date.now() + 10_000;
    let found = session()
      .context.pages()
      .find((p) => p.url().endsWith('/welcome.html'));
    while (!found) {
      if (Date.now() > deadline) throw new Error('no first-run tab within 10 s of install');
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = session()
        .context.pages()
        .find((p) => p.url().endsWith('/welcome.html'));
    }
    await found.waitForSelector('h1');
    const shown = await found.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent,
      subheadings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      text: document.body.textContent ?? '',
      buttons: [...document.querySelectorAll('button')].map((b) => b.textContent),
      lang: document.documentElement.lang,
    }));
    expect(shown.heading).toBe('Welcome to Context Cards');
    expect(shown.lang).toBe('en');
    expect(shown.subheadings).toEqual(['The story', 'How to use it']);
    for (const part of [
      'China Allies With Taliban After US Withdrawal From Afghanistan',
      'Vision Times',
      '9 September 2021',
      'Leo Timm',
      'Rest the pointer',
      'Pin',
      'Alt+Shift+O',
      'toolbar',
    ]) {
      expect(shown.text).toContain(part);
    }
    expect(shown.buttons).not.toContain('Allow access to web pages');
  });
});
