import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unreadableReason } from '../../src/extension/url-policy';
import { MAX_CONNECTIONS, Popup, truncate, type PopupProps } from '../../src/ui/Popup';
import { t } from '../support/i18n';
import { REAL_DATASET } from '../support/real-dataset';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const figures = REAL_DATASET.figures;
const byId = (id: string) => figures.find((f) => f.id === id)!;

function show(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    t,
    figures,
    page: {
      state: 'ready',
      figures: [
        { id: 'kabul', count: 2 },
        { id: 'abdul-ghani-baradar', count: 3 },
        { id: 'wang-yi', count: 5 },
        { id: 'taliban', count: 7 },
        { id: 'hua-chunying', count: 3 },
        { id: 'not-in-dataset', count: 9 },
      ],
    },
    site: { hostname: 'example.com', enabled: true },
    paused: false,
    siteAccess: true,
    onRequestSiteAccess: vi.fn(),
    onShowFigure: vi.fn(),
    onSiteChange: vi.fn(),
    onPauseChange: vi.fn(),
    onOpenOptions: vi.fn(),
    onShowCast: vi.fn(),
    ...overrides,
  };
  render(<Popup {...props} />, container);
  return props;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const groupIds = (category: string) => [...container.querySelectorAll(`[data-category="${category}"] [data-figure]`)].map((b) => b.getAttribute('data-figure'));

describe('the popup', () => {
  it('groups the figures on the page by kind, in order People, Organizations, Places', () => {
    show();
    const headings = [...container.querySelectorAll('.group:not(.connections) h2')].map(text);
    expect(headings).toEqual(['People', 'Organizations', 'Places']);
    expect(groupIds('person')).toEqual(['wang-yi', 'abdul-ghani-baradar', 'hua-chunying']);
    expect(groupIds('organization')).toEqual(['taliban']);
    expect(groupIds('place')).toEqual(['kabul']);
  });

  it('sorts by count, then by name, and skips unknown ids and zero counts', () => {
    show({
      page: {
        state: 'ready',
        figures: [
          { id: 'hua-chunying', count: 3 },
          { id: 'wang-yi', count: 0 },
          { id: 'abdul-ghani-baradar', count: 3 },
          { id: 'zz-unknown', count: 4 },
        ],
      },
    });
    expect(groupIds('person')).toEqual(['abdul-ghani-baradar', 'hua-chunying']);
    expect(container.querySelector('[data-figure="zz-unknown"]')).toBeNull();
  });

  it('shows each figure with its name, mention count and a short role line', () => {
    show();
    const wang = container.querySelector('[data-figure="wang-yi"]')!;
    expect(text(wang.querySelector('.figure-name'))).toBe('Wang Yi');
    expect(text(wang.querySelector('.figure-count'))).toBe('5 mentions');
    const role = text(wang.querySelector('.figure-role'));
    expect(byId('wang-yi').roleThen.text.startsWith(role.slice(0, -1))).toBe(true);
    expect(role.length).toBeLessThanOrEqual(80);
    expect(wang.getAttribute('title')).toBe(byId('wang-yi').roleThen.text);
    show({ page: { state: 'ready', figures: [{ id: 'kabul', count: 1 }] } });
    expect(text(container.querySelector('.figure-count'))).toBe('1 mention');
  });

  it('choosing a figure calls onShowFigure with its id', () => {
    const props = show();
    (container.querySelector('[data-figure="taliban"]') as HTMLButtonElement).click();
    expect(props.onShowFigure).toHaveBeenCalledWith('taliban');
  });

  it('lists the connections between figures that are both on the page', () => {
    show();
    const lines = [...container.querySelectorAll('.connections li')].map(text);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(MAX_CONNECTIONS);
    expect(lines).toContain('Wang Yi — Met Abdul Ghani Baradar in Tianjin');
    // one line per pair of figures, from the more mentioned one: no second meeting, no reverse line
    expect(lines.filter((l) => l.startsWith('Wang Yi — ') && l.includes('Baradar')).length).toBe(1);
    expect(lines.some((l) => l.startsWith('Abdul Ghani Baradar — ') && l.includes('Wang Yi'))).toBe(false);
    // every line names a figure on the page and a relation to another one on the page
    const present = new Set(['kabul', 'abdul-ghani-baradar', 'wang-yi', 'taliban', 'hua-chunying']);
    for (const line of lines) {
      const from = figures.find((f) => line.startsWith(`${f.name} — `))!;
      expect(present.has(from.id)).toBe(true);
      expect(from.relations.some((r) => present.has(r.target) && r.target !== from.id && line.endsWith(r.text))).toBe(true);
    }
  });

  it('shows no connections when only one end is on the page', () => {
    show({ page: { state: 'ready', figures: [{ id: 'wang-yi', count: 1 }] } });
    expect(container.querySelector('.connections')).toBeNull();
  });

  it('says when the page names no figure', () => {
    show({ page: { state: 'ready', figures: [] } });
    expect(text(container)).toContain('No figures from the story are named on this page.');
  });

  it('names the one story it explains: title (marked English), outlet, date, author', () => {
    show({ page: { state: 'ready', figures: [] } });
    const story = container.querySelector('.story')!;
    expect(text(story)).toBe('About one story: “China Allies With Taliban After US Withdrawal From Afghanistan” (Vision Times, 9 September 2021, by Leo Timm)');
    expect(story.querySelector('cite')!.getAttribute('lang')).toBe('en');
  });

  it("says when it can't read the page, with a reason", () => {
    show({ page: { state: 'unreadable', reason: 'store-page' }, site: null });
    expect(text(container.querySelector('.unreadable h2'))).toBe("Context Cards can't read this page");
    expect(text(container.querySelector('.unreadable p'))).toContain('store pages');
    expect(container.querySelector('[data-figure]')).toBeNull();
  });

  it('shows a loading state', () => {
    show({ page: { state: 'loading' } });
    expect(text(container)).toContain('Looking at this page');
  });

  it('has labelled switches for this site and for pausing everywhere', () => {
    const props = show();
    const site = container.querySelector<HTMLInputElement>('#switch-site')!;
    const pause = container.querySelector<HTMLInputElement>('#switch-pause')!;
    for (const input of [site, pause]) {
      expect(input.getAttribute('type')).toBe('checkbox');
      expect(input.getAttribute('role')).toBe('switch');
      expect(container.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    }
    expect(text(container.querySelector('label[for="switch-site"]'))).toContain('On this site');
    expect(text(container.querySelector('#switch-site-hint'))).toBe('example.com');
    expect(site.checked).toBe(true);
    expect(pause.checked).toBe(false);
    site.click();
    expect(props.onSiteChange).toHaveBeenCalledWith(false);
    pause.click();
    expect(props.onPauseChange).toHaveBeenCalledWith(true);
  });

  it('reflects a paused state and a site turned off, and disables the site switch without a site', () => {
    show({ paused: true });
    expect(container.querySelector<HTMLInputElement>('#switch-pause')!.checked).toBe(true);
    expect(text(container.querySelector('.notice'))).toContain('Paused');
    show({ site: { hostname: 'example.com', enabled: false } });
    expect(container.querySelector<HTMLInputElement>('#switch-site')!.checked).toBe(false);
    expect(text(container.querySelector('.notice'))).toContain('Off on this site');
    show({ site: null });
    expect(container.querySelector<HTMLInputElement>('#switch-site')!.disabled).toBe(true);
  });

  it('says when the browser withholds access to web pages and asks for it on a click', () => {
    const props = show({ siteAccess: false });
    expect(container.textContent).toContain('may not read web pages');
    [...container.querySelectorAll('button')].find((b) => text(b) === 'Allow access to web pages')!.click();
    expect(props.onRequestSiteAccess).toHaveBeenCalled();
    show();
    expect(container.textContent).not.toContain('may not read web pages');
  });

  it('opens the options page', () => {
    const props = show();
    [...container.querySelectorAll('button')].find((b) => text(b) === 'Settings')!.click();
    expect(props.onOpenOptions).toHaveBeenCalled();
  });
});

describe('popup helpers', () => {
  it('unreadableReason explains browser pages, store pages, PDFs and files', () => {
    expect(unreadableReason(undefined)).toBe('browser-page');
    expect(unreadableReason('chrome://settings/')).toBe('browser-page');
    expect(unreadableReason('about:addons')).toBe('browser-page');
    expect(unreadableReason('https://chromewebstore.google.com/detail/x')).toBe('store-page');
    expect(unreadableReason('https://addons.mozilla.org/en-US/firefox/')).toBe('store-page');
    expect(unreadableReason('https://example.com/report.PDF')).toBe('pdf');
    expect(unreadableReason('file:///home/me/page.html')).toBe('file');
    expect(unreadableReason('https://example.com/news')).toBe('reload');
  });

  it('truncate cuts at a word boundary with an ellipsis', () => {
    expect(truncate('short')).toBe('short');
    const cut = truncate('Minister of Foreign Affairs of China (since 16 March 2013) and State Councilor', 40);
    expect(cut).toBe('Minister of Foreign Affairs of China…');
    expect(cut.length).toBeLessThanOrEqual(40);
  });
});
