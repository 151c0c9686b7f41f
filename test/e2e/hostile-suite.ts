// Hostile and unusual pages, shared by both browsers: after the extension has run, the page's own
// DOM holds nothing of ours but the one host on <html>, the page saw no error, and cards still open
// where the page has names. Each case's time is printed for the closing note.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cardAppearsWithin,
  hoverText,
  moveMouseAway,
  pollPage,
  readCard,
  shadowTextPoint,
  sleep,
  waitForCard,
  waitForNoCard,
  waitForScan,
  withChromium,
  withFirefox,
} from './helpers';
import { frameNamed, frameOrigin, hoverInFrame, leaveFrame, mentionCount, typeIntoField, type Evaluator, type HostilePage } from './hostile-helpers';
import { HUGE_MENTIONS, hostileRoutes } from './hostile-routes';

interface HostileEnv {
  browser: 'chromium' | 'firefox';
  /** Errors and warnings the page (any frame) wrote to its console since the last visit. */
  consoleProblems: () => string[];
}

interface Shape {
  htmlChildren: string[];
  ours: number;
  images: number;
  scripts: number;
}

function pageShape(): Shape {
  return {
    htmlChildren: [...document.documentElement.children].map((c) => c.localName),
    ours: document.body.querySelectorAll('context-cards-host, [data-context-cards]').length,
    images: document.images.length,
    scripts: document.body.querySelectorAll('script').length,
  };
}

/** Runs in the page: the mention count, or the open card's name, from our host whatever name it had to take. */
function ourHost(what: 'data-mentions' | 'card'): string | null {
  const children = document.documentElement.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.localName.indexOf('context-cards-host') !== 0 || !child.shadowRoot) continue;
    if (what === 'data-mentions') return child.getAttribute('data-mentions');
    return child.shadowRoot.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null;
  }
  return null;
}

/** The whole hostile suite in one browser, with the page's errors and console problems collected. */
export function describeHostilePages(browser: 'chromium' | 'firefox'): void {
  const errors: string[] = [];
  const consoleProblems: string[] = [];
  describe(`hostile pages in ${browser === 'chromium' ? 'Chromium' : 'Firefox'}`, () => {
    const { session, fixture } = browser === 'chromium' ? withChromium({ routes: hostileRoutes }) : withFirefox({ routes: hostileRoutes });
    beforeAll(() => {
      // Playwright's and Puppeteer's pages both emit these two events with these shapes.
      const page = session().page as unknown as {
        on(event: 'pageerror', listener: (error: unknown) => void): void;
        on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
      };
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (['error', 'warn', 'warning'].includes(message.type())) consoleProblems.push(`${message.type()}: ${message.text()}`);
      });
    });
    hostileSuite(
      () => session().page as never,
      (name) => `${fixture().url}hostile/${name}`,
      () => errors,
      {
        browser,
        consoleProblems: () => consoleProblems,
      },
    );
  });
}

function hostileSuite(getPage: () => HostilePage, url: (name: string) => string, pageErrors: () => string[], env: HostileEnv): void {
  const visit = async (name: string, timeout = 20_000) => {
    pageErrors().length = 0;
    env.consoleProblems().length = 0;
    const page = getPage();
    await page.goto(url(name), { timeout });
    await waitForScan(page, { timeout });
    await moveMouseAway(page);
    return page;
  };
  const timed = (name: string, body: () => Promise<void>, timeout = 60_000) =>
    it(name, { timeout }, async () => {
      const started = performance.now();
      await body();
      console.log(`hostile page "${name}": passed in ${Math.round(performance.now() - started)} ms`);
    });

  const expectUntouched = async (page: Evaluator, body = 'body') => {
    const shape = await page.evaluate(pageShape, null);
    expect(shape.ours).toBe(0);
    expect(shape.htmlChildren.filter((c) => c !== 'head' && c !== body)).toEqual(['context-cards-host']);
    // The browser's own favicon request, refused by a strict page policy, is not ours.
    expect(pageErrors().filter((e) => !e.includes('favicon.ico'))).toEqual([]);
  };

  timed('strict CSP (default-src none): card opens and is styled', async () => {
    const page = await visit('csp-strict.html');
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    const radius = await page.evaluate(
      () => getComputedStyle(document.querySelector('context-cards-host')!.shadowRoot!.querySelector('[role="dialog"]')!).borderTopLeftRadius,
      null,
    );
    expect(radius).toBe('10px');
    await expectUntouched(page);
  });

  timed('page styles aimed at everything, and at our element, neither reach into the card nor are changed', async () => {
    const page = await visit('styles.html');
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    const looks = await page.evaluate(() => {
      const host = document.querySelector('context-cards-host')!;
      const card = host.shadowRoot!.querySelector('[role="dialog"]')!;
      const name = host.shadowRoot!.querySelector('.name')!;
      const style = getComputedStyle(card);
      const rect = card.getBoundingClientRect();
      return {
        shown: rect.width > 300 && rect.height > 100 && getComputedStyle(host).display !== 'none' && getComputedStyle(host).visibility !== 'hidden',
        background: style.backgroundColor,
        fontStyle: style.fontStyle,
        fontSize: style.fontSize,
        nameColor: getComputedStyle(name).color,
        letterSpacing: style.letterSpacing,
        pageText: getComputedStyle(document.getElementById('text')!).color,
      };
    }, null);
    expect(looks).toEqual({
      shown: true,
      background: 'rgb(255, 255, 255)',
      fontStyle: 'normal',
      fontSize: '14px',
      nameColor: 'rgb(29, 32, 37)',
      letterSpacing: 'normal',
      pageText: 'rgb(204, 0, 0)',
    });
    await expectUntouched(page);
  });

  timed('overridden globals and an element named like ours', async () => {
    // The page broke Array.prototype and friends in its own world, so the test reads it with plain loops.
    pageErrors().length = 0;
    const page = getPage();
    await page.goto(url('globals.html'));
    await pollPage(page, ourHost, 'data-mentions', { timeout: 20_000, message: 'the scan' });
    // One number per call: the page's broken Array.prototype would break serialising an object.
    const centre = (axis: 'x' | 'y') => {
      const text = document.getElementById('text')!.firstChild as Text;
      const at = text.data.indexOf('Meng Hongwei');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 12);
      const r = range.getBoundingClientRect();
      return axis === 'x' ? r.left + r.width / 2 : r.top + r.height / 2;
    };
    const point = { x: await page.evaluate(centre, 'x' as const), y: await page.evaluate(centre, 'y' as const) };
    await page.mouse.move(point.x, point.y);
    expect(await pollPage(page, ourHost, 'card', { message: 'the card' })).toBe('Meng Hongwei');
    // Our host had to take another name, and now holds a card naming figures. Text the page adds
    // to <html> itself sends the whole document to a rescan: our card must not be read as page text.
    await page.evaluate(() => document.documentElement.insertAdjacentText('beforeend', 'Late text.'), null);
    await sleep(500);
    expect(await page.evaluate(ourHost, 'data-mentions')).toBe('1');
    expect(pageErrors()).toEqual([]);
  });

  timed('mutation storm: no feedback loop, cards still open', async () => {
    const page = await visit('storm.html');
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await pollPage(page, () => (window as unknown as { stormDone: boolean }).stormDone || null, null, { timeout: 10_000, message: 'the storm to end' });
    // Once the page is quiet, so are we: the mention count settles.
    await sleep(300);
    const a = await page.evaluate(() => document.querySelector('context-cards-host')!.getAttribute('data-mentions'), null);
    await sleep(300);
    const b = await page.evaluate(() => document.querySelector('context-cards-host')!.getAttribute('data-mentions'), null);
    expect(a).toBe(b);
    await expectUntouched(page);
  });

  timed('text that looks like markup stays text', async () => {
    const page = await visit('markup-text.html');
    await hoverText(page, 'Hua Chunying');
    const card = await waitForCard(page, { name: 'Hua Chunying' });
    expect(card.text).not.toContain('<img');
    const shape = await page.evaluate(pageShape, null);
    expect([shape.images, shape.scripts]).toEqual([0, 0]);
    await expectUntouched(page);
  });

  for (const [kind, name, what] of [
    ['deep', 'Hua Chunying', '5,000 levels of nesting'],
    ['bigtext', 'Meng Hongwei', 'one 5 MB text node'],
    ['mentions', 'Meng Hongwei', '10,000 mentions'],
    ['huge', 'Meng Hongwei', '100,000 nodes'],
  ] as const) {
    timed(`generated page: ${what}`, async () => {
      const page = await visit(`generated.html?kind=${kind}`);
      const rendered = await page.evaluate((text: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.lastIndexOf(text);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + text.length);
          return [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0);
        }
        return false;
      }, name);
      if (rendered) {
        await hoverText(page, name);
        await waitForCard(page, { name });
      } else {
        // Firefox stops laying out past a nesting limit, so the deepest text is never drawn and cannot
        // be hovered: the scan must still have read it.
        console.log(`generated page "${what}": the browser does not render "${name}"; checking the scan instead`);
        expect(await page.evaluate(() => Number(document.querySelector('context-cards-host')!.getAttribute('data-mentions')), null)).toBeGreaterThanOrEqual(2);
      }
      await expectUntouched(page);
    });
  }

  timed('base href elsewhere: card opens, nothing fetched from the base', async () => {
    const page = await visit('base-href.html');
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await expectUntouched(page);
  });

  timed('SVG document: left alone', async () => {
    pageErrors().length = 0;
    const page = getPage();
    await page.goto(url('drawing.svg'));
    await sleep(800);
    const children = await page.evaluate(() => document.documentElement.children.length, null);
    expect(children).toBe(1);
    expect(pageErrors()).toEqual([]);
  });

  timed('rich-text editor: nothing marked inside, typing unaffected', async () => {
    const page = await visit('editor.html');
    await hoverText(page, 'Hua Chunying');
    expect(await cardAppearsWithin(page, 600)).toBe(false);
    const point = await hoverText(page, 'not marked');
    await page.mouse.click(point.x, point.y);
    await page.keyboard.type(' Meng Hongwei');
    await sleep(300);
    const text = await page.evaluate(() => document.getElementById('editor')!.textContent, null);
    expect(text).toContain('Meng Hongwei');
    await hoverText(page, 'Meng Hongwei', { within: '#editor' });
    expect(await cardAppearsWithin(page, 600)).toBe(false);
    expect((await readCard(page))?.name ?? null).toBeNull();
    await expectUntouched(page);
  });

  timed(
    'huge DOM: 1,000,000 nodes of static HTML',
    async () => {
      pageErrors().length = 0;
      const page = getPage();
      await page.goto(url('huge.html'), { timeout: 180_000 });
      // The page answers its reader while we read it: type into its field as the scan starts.
      const typing = performance.now();
      await typeIntoField(page, '#field', ' and typed');
      const typed = Math.round(performance.now() - typing);
      const scanning = (await page.evaluate(mentionCount, null)) === null;
      const delay = Math.round(await page.evaluate(() => (window as unknown as { inputDelay: number }).inputDelay, null));
      console.log(
        `huge DOM: typing took ${typed} ms, the longest keystroke waited ${delay} ms; the first scan was ${scanning ? 'still running' : 'done'} after it`,
      );
      await waitForScan(page, { timeout: 180_000 });
      const nodes = await page.evaluate(() => {
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
        let n = 0;
        while (walker.nextNode()) n++;
        return n;
      }, null);
      expect(nodes).toBeGreaterThanOrEqual(1_000_000);
      // Every name was read, the one after the million nodes too.
      expect(await page.evaluate(mentionCount, null)).toBe(HUGE_MENTIONS);
      await hoverText(page, 'Meng Hongwei', { within: '#text' });
      await waitForCard(page, { name: 'Meng Hongwei' });
      await moveMouseAway(page);
      await waitForNoCard(page);
      await hoverText(page, 'Hua Chunying', { within: '#end' });
      await waitForCard(page, { name: 'Hua Chunying' });
      await expectUntouched(page);
    },
    300_000,
  );

  timed('a Preact app hydrates server markup with names, then updates it', async () => {
    const page = await visit('preact.html');
    expect(await page.evaluate(mentionCount, null)).toBe(2);
    const sameAsRender = (edition: 1 | 2) => {
      const fresh = (window as unknown as { renderFresh(e: 1 | 2): HTMLElement }).renderFresh(edition);
      return document.getElementById('app')!.isEqualNode(Object.assign(fresh, { id: 'app' }));
    };
    // Hydrated after our scan, over text we already marked.
    await page.evaluate(() => (window as unknown as { hydrateStory(): void }).hydrateStory(), null);
    expect(await page.evaluate(sameAsRender, 1)).toBe(true);
    await hoverText(page, 'Abdul Ghani Baradar');
    await waitForCard(page, { name: 'Abdul Ghani Baradar' });
    await moveMouseAway(page);
    await waitForNoCard(page);

    await page.evaluate(() => (window as unknown as { updateStory(): void }).updateStory(), null);
    await pollPage(page, () => document.querySelector('#story[data-edition="2"]') !== null || null, null, { message: 'the app to update' });
    // One name replaced in place (Zabihullah Mujahid → Hua Chunying), one added (Meng Hongwei).
    await pollPage(page, mentionCountIs, 3, { message: 'the update to be scanned' });
    for (const name of ['Hua Chunying', 'Meng Hongwei']) {
      await hoverText(page, name);
      await waitForCard(page, { name });
      await moveMouseAway(page);
      await waitForNoCard(page);
    }
    expect(await page.evaluate(sameAsRender, 2)).toBe(true);
    await typeIntoField(page, '#field', ' and typed');
    expect(env.consoleProblems()).toEqual([]);
    await expectUntouched(page);
  });

  timed('sandboxed, srcdoc and about:blank frames: a card in each', async () => {
    const page = await visit('frames.html');
    // Both browsers inject the content script into all five kinds (all_frames, match_about_blank,
    // match_origin_as_fallback), the frame without allow-scripts included: its sandbox binds the
    // page's scripts, not the extension's.
    const frames = [
      ['sandbox-scripts', 'Abdul Ghani Baradar', 'scripts ran'],
      ['sandbox-none', 'Abdul Ghani Baradar', 'scripts did not run'],
      ['srcdoc', 'Zabihullah Mujahid', null],
      ['sandbox-srcdoc', 'Hua Chunying', null],
      ['blank', 'Interpol', null],
    ] as const;
    for (const [name, figure, ran] of frames) {
      const frame = await frameNamed(page, name);
      expect(await waitForScan(frame), `mentions in the ${name} frame`).toBe(1);
      await hoverInFrame(page, frame, `iframe[name="${name}"]`, figure);
      await waitForCard(frame, { name: figure });
      expect(await readCard(page)).toBeNull();
      await leaveFrame(page, `iframe[name="${name}"]`);
      await waitForNoCard(frame);
      if (ran) expect(await frame.evaluate(() => document.getElementById('ran')!.textContent, null)).toBe(ran);
      await expectUntouched(frame);
    }
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await typeIntoField(page, '#field', ' and typed');
    await expectUntouched(page);
  });

  timed("a cross-origin frame and a frame added after load: each frame's names get cards", async () => {
    const page = await visit('cross-frames.html');
    await pollPage(page, () => document.querySelectorAll('iframe').length === 2 || null, null, { message: 'the late frame' });
    for (const name of ['cross-origin', 'added-later']) {
      let frame: Awaited<ReturnType<typeof frameNamed>> | null = null;
      for (let i = 0; i < 100 && !frame; i++) frame = await frameNamed(page, name).catch(async () => (await sleep(50), null));
      expect(await waitForScan(frame!), `mentions in the ${name} frame`).toBe(1);
      if (name === 'cross-origin') expect(await frame!.evaluate(() => location.hostname, null)).toBe('localhost');
      await hoverInFrame(page, frame!, `iframe[name="${name}"]`, 'Abdul Ghani Baradar');
      await waitForCard(frame!, { name: 'Abdul Ghani Baradar' });
      await leaveFrame(page, `iframe[name="${name}"]`);
      await waitForNoCard(frame!);
      await expectUntouched(frame!);
    }
    await expectUntouched(page);
  });

  timed('closed shadow roots: names inside open cards, added text is scanned', async () => {
    const page = await visit('closed-shadow.html');
    const hoverClosed = async (text: string) => {
      const point = (await page.evaluate(shadowTextPoint, { text }))!;
      await page.mouse.move(point.x - 2, point.y);
      await page.mouse.move(point.x, point.y);
    };
    // Firefox reads every closed root; Chromium asks only custom elements (see src/page/shadow.ts).
    const plainRootRead = env.browser === 'firefox';
    if (!plainRootRead) {
      console.log(
        'closed shadow roots: Chromium leaves the closed root of a plain <div> unread (Interpol): ' +
          'chrome.dom.openOrClosedShadowRoot costs ~5 µs a call, so only custom elements are asked',
      );
    }
    const outside = plainRootRead ? 3 : 2;
    expect(await page.evaluate(mentionCount, null)).toBe(outside);
    await hoverText(page, 'Meng Hongwei');
    await waitForCard(page, { name: 'Meng Hongwei' });
    await moveMouseAway(page);
    await waitForNoCard(page);
    for (const name of plainRootRead ? ['Hua Chunying', 'Interpol'] : ['Hua Chunying']) {
      await hoverClosed(name);
      await waitForCard(page, { name });
      await moveMouseAway(page);
      await waitForNoCard(page);
    }
    await page.evaluate(() => (window as unknown as { addToClosed(): void }).addToClosed(), null);
    await pollPage(page, mentionCountIs, outside + 1, { message: 'the text added in the closed root to be scanned' });
    await hoverClosed('Zabihullah Mujahid');
    await waitForCard(page, { name: 'Zabihullah Mujahid' });
    await typeIntoField(page, '#field', ' and typed');
    await expectUntouched(page);
  });

  timed('XHTML document (application/xhtml+xml): cards open', async () => {
    const page = await visit('xhtml.xhtml');
    expect(await page.evaluate(() => document.contentType, null)).toBe('application/xhtml+xml');
    expect(await page.evaluate(mentionCount, null)).toBe(2);
    for (const name of ['Meng Hongwei', 'Hua Chunying']) {
      await hoverText(page, name);
      await waitForCard(page, { name });
      await moveMouseAway(page);
      await waitForNoCard(page);
    }
    await typeIntoField(page, '#field', ' and typed');
    await expectUntouched(page);
  });

  timed('frameset: a card in each frame', async () => {
    // The frameset document has no text of its own: its scan finds nothing, its frames' do.
    const page = await visit('frameset.html');
    expect(await page.evaluate(mentionCount, null)).toBe(0);
    for (const [name, figure] of [
      ['left', 'Meng Hongwei'],
      ['right', 'Abdul Ghani Baradar'],
    ] as const) {
      const frame = await frameNamed(page, name);
      expect(await waitForScan(frame)).toBe(1);
      await hoverInFrame(page, frame, `frame[name="${name}"]`, figure);
      await waitForCard(frame, { name: figure });
      await leaveFrame(page, `frame[name="${name}"]`);
      await waitForNoCard(frame);
      await expectUntouched(frame);
    }
    const left = await frameNamed(page, 'left');
    await typeIntoField(page, '#field', ' and typed', { target: left, origin: await frameOrigin(page, 'frame[name="left"]') });
    await expectUntouched(page, 'frameset');
  });
}

/** Runs in the page: true once our host reports `count` mentions. */
function mentionCountIs(count: number): true | null {
  return Number(document.querySelector('context-cards-host')?.getAttribute('data-mentions')) === count || null;
}
