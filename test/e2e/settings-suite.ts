// The toolbar popup and the options page against a real tab, shared by both browsers: the popup
// lists the figures of every frame with their counts, its switches act on the page without a
// reload, options round-trip through storage.sync and apply live, and a corrupt stored value
// falls back to defaults with a notice while pages keep working.
import { expect, it } from 'vitest';
import { hoverText, moveMouseAway, pollPage, waitForCard, waitForScan } from './helpers';

export interface SuitePage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  bringToFront(): Promise<void>;
  click(selector: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
}

export interface SettingsHarness {
  /** The tab with the test page. */
  page(): SuitePage;
  /** Opens a URL in a new tab. */
  open(url: string): Promise<SuitePage>;
  extensionUrl(path: string): string;
  fixtureUrl(name: string): string;
}

/**
 * Runs in an extension page: the extension API under either browser's name. Functions given to
 * `evaluate` are serialized, so each in-page function reaches it through this expression itself.
 */
type ExtensionApi = {
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> } };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
type WithApi = { browser?: ExtensionApi; chrome?: ExtensionApi };

const EXPECTED_COUNTS = { taliban: 3, 'wang-yi': 2, 'abdul-ghani-baradar': 1, 'hua-chunying': 1, kabul: 1 };

export function settingsSuite(harness: SettingsHarness): void {
  let control: SuitePage | null = null;

  /** An options tab kept open to read and write storage and find tab ids. */
  const controlPage = async (): Promise<SuitePage> => {
    if (!control) {
      control = await harness.open(harness.extensionUrl('options.html'));
      await pollPage(control as never, () => document.querySelector('form') !== null || null, null, { message: 'the options page to render' });
    }
    return control;
  };

  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => (await controlPage()).evaluate(fn, arg);

  const storeSettings = (value: unknown) =>
    inExtension(async (v: unknown) => {
      const g = globalThis as unknown as WithApi;
      await (g.browser ?? g.chrome)!.storage.sync.set({ settings: v });
    }, value);
  const storedSettings = () =>
    inExtension(async () => {
      const g = globalThis as unknown as WithApi;
      return ((await (g.browser ?? g.chrome)!.storage.sync.get('settings')).settings ?? null) as Record<string, unknown> | null;
    }, null);

  const freshPage = async (): Promise<SuitePage> => {
    await inExtension(async () => {
      const g = globalThis as unknown as WithApi;
      await (g.browser ?? g.chrome)!.storage.sync.clear();
    }, null);
    const page = harness.page();
    await page.bringToFront();
    await page.goto(harness.fixtureUrl('settings.html'));
    await waitForScan(page as never, { timeout: 20_000 });
    await moveMouseAway(page as never);
    return page;
  };

  /** The test page's tab id: the tab in front (extension pages get no tab URLs without the `tabs` permission). */
  const fixtureTabId = async (): Promise<number> => {
    await harness.page().bringToFront();
    const ids = await inExtension(async () => {
      const g = globalThis as unknown as WithApi;
      return (await (g.browser ?? g.chrome)!.tabs.query({ active: true })).map((t) => t.id);
    }, null);
    if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`expected one active tab, found ${JSON.stringify(ids)}`);
    return ids[0];
  };

  const openPopup = async (): Promise<SuitePage> => {
    const tabId = await fixtureTabId();
    return harness.open(harness.extensionUrl(`popup.html?tab=${tabId}`));
  };

  const popupCounts = (popup: SuitePage) =>
    pollPage(
      popup as never,
      (expected: Record<string, number>) => {
        const counts: Record<string, number> = {};
        for (const button of document.querySelectorAll<HTMLElement>('[data-figure]')) {
          counts[button.dataset.figure!] = Number(/\d+/.exec(button.querySelector('.figure-count')?.textContent ?? '')?.[0] ?? 1);
        }
        // Frames report as their scans finish: wait for all of them.
        return Object.keys(counts).length === Object.keys(expected).length ? counts : null;
      },
      EXPECTED_COUNTS,
      { message: 'the popup to list the figures of every frame' },
    );

  /** Runs in the test page: what is marked, and whether our host is there. */
  const pageMarks = (page: SuitePage) =>
    page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const texts = (name: string) => [...(registry.get(name) ?? [])].map((r) => r.toString());
      return {
        underline: texts('context-cards-mention'),
        background: texts('context-cards-mention-background'),
        host: document.querySelector('context-cards-host') !== null,
      };
    }, null);

  const waitForMarks = (page: SuitePage, marked: boolean) =>
    pollPage(
      page as never,
      (want: boolean) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const count = (registry.get('context-cards-mention')?.size ?? 0) + (registry.get('context-cards-mention-background')?.size ?? 0);
        const host = document.querySelector('context-cards-host') !== null;
        return want ? (count > 0 && host) || null : (count === 0 && !host) || null;
      },
      marked,
      { message: marked ? 'the names to be marked again' : 'every mark and the card host to go' },
    );

  it('the popup lists the figures of every frame with their mention counts', async () => {
    await freshPage();
    const popup = await openPopup();
    try {
      expect(await popupCounts(popup)).toEqual(EXPECTED_COUNTS);
      const headings = await popup.evaluate(() => [...document.querySelectorAll('.group h2')].map((h) => h.textContent), null);
      expect(headings).toEqual(['People', 'Organizations', 'Places', 'Connections on this page']);
      const site = await popup.evaluate(() => document.querySelector('#switch-site-hint')?.textContent ?? null, null);
      expect(site).toBe('127.0.0.1');
    } finally {
      await popup.close();
    }
  });

  it('choosing a figure in the popup scrolls to it and opens its card', async () => {
    const page = await freshPage();
    const popup = await openPopup();
    await popupCounts(popup);
    await popup.click('[data-figure="wang-yi"]').catch(() => {
      // The popup closes itself after the click.
    });
    await page.bringToFront();
    await waitForCard(page as never, { name: 'Wang Yi' });
    await page.keyboard.press('Escape');
  });

  it('the popup switches this site off and on again, and pauses everywhere, without a reload', async () => {
    const page = await freshPage();
    await page.evaluate(() => ((document.getElementById('input') as HTMLInputElement).value = 'typed by the reader'), null);
    const popup = await openPopup();
    try {
      await popupCounts(popup);
      await popup.click('#switch-site');
      await waitForMarks(page, false);
      expect((await storedSettings())?.sites).toEqual(['127.0.0.1']);
      await popup.click('#switch-site');
      await waitForMarks(page, true);
      expect((await storedSettings())?.sites).toEqual([]);
      await popup.click('#switch-pause');
      await waitForMarks(page, false);
      await popup.click('#switch-pause');
      await waitForMarks(page, true);
    } finally {
      await popup.close();
    }
    // Switching never reloaded the page: what the reader typed is still there.
    expect(await page.evaluate(() => (document.getElementById('input') as HTMLInputElement).value, null)).toBe('typed by the reader');
    await page.bringToFront();
    await hoverText(page as never, 'Abdul Ghani Baradar');
    await waitForCard(page as never, { name: 'Abdul Ghani Baradar' });
  });

  it('options round-trip through storage and apply live in open tabs', async () => {
    const page = await freshPage();
    const options = await controlPage();
    await options.reload();
    await pollPage(options as never, () => document.querySelector('#highlight-background') !== null || null, null, { message: 'the options form' });
    await options.click('#highlight-background');
    await options.click('#category-place');
    await options.evaluate(async () => {
      const input = document.getElementById('dwell') as HTMLInputElement;
      input.value = '400';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // As when typing: the form re-renders with the draft before the field loses focus.
      await new Promise((resolve) => setTimeout(resolve, 50));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, null);
    await pollPage(
      options as never,
      async () => {
        const g = globalThis as unknown as WithApi;
        return ((await (g.browser ?? g.chrome)!.storage.sync.get('settings')).settings as { dwellMs?: number } | undefined)?.dwellMs === 400 || null;
      },
      null,
      { message: 'the new dwell delay to be stored' },
    );

    const stored = await storedSettings();
    expect(stored).toMatchObject({ version: 1, highlight: 'background', dwellMs: 400, categories: { person: true, organization: true, place: false } });

    // Applied live: marks drawn with the background style, and places (Kabul) no longer marked.
    await pollPage(
      page as never,
      () => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const ranges = [...(registry.get('context-cards-mention-background') ?? [])].map((r) => r.toString());
        return ranges.length > 0 && !ranges.includes('Kabul') && !registry.has('context-cards-mention') ? ranges : null;
      },
      null,
      { message: 'the page to follow the new options' },
    );
    expect((await pageMarks(page)).background.sort()).toEqual(['Abdul Ghani Baradar', 'Taliban', 'Taliban', 'Wang Yi', 'Wang Yi']);

    // The form reads back what was stored.
    await options.reload();
    const form = await pollPage(
      options as never,
      () => {
        const checked = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.checked;
        const dwell = (document.getElementById('dwell') as HTMLInputElement | null)?.value;
        return dwell ? { background: checked('highlight-background'), place: checked('category-place'), dwell } : null;
      },
      null,
      { message: 'the options form after reload' },
    );
    expect(form).toEqual({ background: true, place: false, dwell: '400' });
  });

  it('while the pointer rests on a name the card is built ahead, hidden and out of reach, then shown as it was built', async () => {
    await freshPage();
    // A long dwell leaves time to look at the card being built.
    await storeSettings({ version: 1, dwellMs: 2000 });
    const page = harness.page();
    await page.reload();
    await waitForScan(page as never, { timeout: 20_000 });
    await moveMouseAway(page as never);
    await hoverText(page as never, 'Wang Yi');
    const staged = await pollPage(
      page as never,
      () => {
        const root = document.querySelector('context-cards-host')!.shadowRoot!;
        const card = root.querySelector<HTMLElement>('.card[data-figure="wang-yi"]');
        if (!card) return null;
        (card as HTMLElement & { builtAhead?: boolean }).builtAhead = true;
        const r = card.getBoundingClientRect();
        const link = card.querySelector<HTMLElement>('a[href]')!;
        link.focus();
        return {
          dialogs: root.querySelectorAll('[role="dialog"]').length,
          laidOut: r.width > 0 && r.height > 0,
          visible: card.checkVisibility({ checkVisibilityCSS: true }),
          hitByPointer: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.localName === 'context-cards-host',
          focusable: root.activeElement === link,
        };
      },
      null,
      { message: 'the card to be built during the dwell', interval: 20 },
    );
    expect(staged).toEqual({ dialogs: 0, laidOut: true, visible: false, hitByPointer: false, focusable: false });
    await waitForCard(page as never, { name: 'Wang Yi', timeout: 5_000 });
    const shown = await page.evaluate(() => {
      const root = document.querySelector('context-cards-host')!.shadowRoot!;
      const dialogs = root.querySelectorAll<HTMLElement & { builtAhead?: boolean }>('[role="dialog"]');
      return { dialogs: dialogs.length, builtAhead: dialogs[0]?.builtAhead === true, visible: dialogs[0]?.checkVisibility({ checkVisibilityCSS: true }) };
    }, null);
    expect(shown).toEqual({ dialogs: 1, builtAhead: true, visible: true });
    await page.keyboard.press('Escape');
  });

  it('a corrupt stored value falls back to its default, the options page says so, pages keep working', async () => {
    await freshPage();
    await storeSettings({ version: 1, highlight: 42, dwellMs: 'soon', sites: 'everywhere', categories: null, theme: 'dark' });
    const page = harness.page();
    await page.reload();
    await waitForScan(page as never, { timeout: 20_000 });
    // The content script used the defaults for what was corrupt and kept the valid theme.
    expect((await pageMarks(page)).underline.length).toBe(6);
    await moveMouseAway(page as never);
    await hoverText(page as never, 'Wang Yi');
    await waitForCard(page as never, { name: 'Wang Yi' });
    // The valid theme was kept: the card is dark although the page prefers light.
    const background = await page.evaluate(() => {
      const card = document.querySelector('context-cards-host')!.shadowRoot!.querySelector('[role="dialog"]')!;
      return getComputedStyle(card).backgroundColor;
    }, null);
    expect(background).toBe('rgb(31, 34, 40)');
    await page.keyboard.press('Escape');

    const options = await controlPage();
    await options.reload();
    const problems = await pollPage(
      options as never,
      () => {
        const items = [...document.querySelectorAll('[data-problems] li')].map((li) => li.textContent ?? '');
        return items.length ? items : null;
      },
      null,
      { message: 'the options page to report the corrupt values' },
    );
    expect(problems.join('\n')).toMatch(/highlight/);
    expect(problems.join('\n')).toMatch(/dwellMs/);
    expect(problems.join('\n')).toMatch(/sites/);
    expect(problems.join('\n')).toMatch(/categories/);
    expect(await options.evaluate(() => (document.getElementById('highlight-underline') as HTMLInputElement).checked, null)).toBe(true);
    expect(await options.evaluate(() => (document.getElementById('dwell') as HTMLInputElement).value, null)).toBe('150');
    // The repaired settings were written back.
    await pollPage(
      options as never,
      async () => {
        const g = globalThis as unknown as WithApi;
        const stored = (await (g.browser ?? g.chrome)!.storage.sync.get('settings')).settings as Record<string, unknown>;
        return stored.highlight === 'underline' && stored.theme === 'dark' ? true : null;
      },
      null,
      { message: 'the repaired settings to be stored' },
    );
  });

  it('the toolbar badge counts the figures on the page and can be turned off', async () => {
    await freshPage();
    const tabId = await fixtureTabId();
    const options = await controlPage();
    const badgeIs = (text: string) =>
      pollPage(
        options as never,
        async ({ id, want }: { id: number; want: string }) => {
          const g = globalThis as unknown as WithApi;
          return (await (g.browser ?? g.chrome)!.action.getBadgeText({ tabId: id })) === want || null;
        },
        { id: tabId, want: text },
        { message: `the badge to read "${text}"` },
      );
    // Wang Yi, Abdul Ghani Baradar, the Taliban and Kabul in the page; Hua Chunying in its frame.
    await badgeIs('5');
    await options.reload();
    await pollPage(options as never, () => document.querySelector('#switch-badge') !== null || null, null, { message: 'the options form' });
    await options.click('#switch-badge');
    await badgeIs('');
  });
}
