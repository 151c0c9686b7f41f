// Only the mentions near the viewport are painted, in batches; what the scanner knows is all of them.
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import type { Where, WhereEntry } from '../../src/page/mark-bands';
import { MarkWindow, type WatchZone, type Zone } from '../../src/page/mark-window';
import { Marks } from '../../src/page/marks';
import type { Mention } from '../../src/page/mention-index';
import { PageScanner } from '../../src/page/scanner';
import { SAMPLE_DATASET } from '../support/figures';

const matcher = new Matcher(SAMPLE_DATASET);

/** Watchers the test drives: which elements each zone watches, and a way to say where some lie. */
function fakeWatchers() {
  const watched: Record<Zone, Set<Element>> = { near: new Set(), ahead: new Set() };
  const tell: Partial<Record<Zone, (entries: readonly WhereEntry[]) => void>> = {};
  const watch: WatchZone = (zone, onChange) => {
    tell[zone] = onChange;
    return {
      observe: (element) => watched[zone].add(element),
      unobserve: (element) => watched[zone].delete(element),
      disconnect: () => watched[zone].clear(),
    };
  };
  const say = (zone: Zone, where: Where, ...ids: string[]): void => tell[zone]!(ids.map((id) => ({ target: document.getElementById(id)!, where })));
  const ids = (zone: Zone): string[] => [...watched[zone]].map((e) => e.id).sort();
  return { watch, say, ids };
}

/** The page scanned, its mentions handed to a window (each under its paragraph) that records what it paints. */
function setUp(html: string, watch: WatchZone | null) {
  document.body.innerHTML = html;
  const scanner = new PageScanner(matcher);
  scanner.scanAll(document.body);
  const painted = new Set<Mention>();
  const window = new MarkWindow({ watch, paint: { paint: (m) => painted.add(m), unpaint: (m) => painted.delete(m) } });
  const add = (mention: Mention): void => window.add(mention, scanner.boundsOf(mention).start.node.parentElement!.closest('p')!);
  for (const mention of scanner.mentions()) add(mention);
  const names = (): string[] => [...painted].map((m) => SAMPLE_DATASET.figures[m.figure]!.name).sort();
  return { scanner, window, add, names };
}

const NAMES = ['Meng Hongwei', 'Osama bin Laden', 'Abdul Ghani Baradar'];
/** Paragraphs p0, p1… each naming someone, with quiet paragraphs between them. */
const article = (count: number): string =>
  Array.from({ length: count }, (_, i) => `<p id="p${i}">Then ${NAMES[i % NAMES.length]} spoke.</p><p>Nothing new.</p>`).join('');

describe('the mark window', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('paints nothing until an element ahead comes near, then everything ahead at once', () => {
    const { watch, say, ids } = fakeWatchers();
    const { scanner, names } = setUp(article(3), watch);
    expect(scanner.mentionCount).toBe(3);
    // The paragraphs are siblings: one band, watched at its edges only.
    expect(ids('ahead')).toEqual(['p0', 'p2']);
    expect(names()).toEqual([]);
    // The view lies between the band's edges: the whole band is ahead, and watched closer.
    say('ahead', 'above', 'p0');
    say('ahead', 'below', 'p2');
    expect(ids('near')).toEqual(['p0', 'p1', 'p2']);
    expect(names()).toEqual([]);
    say('near', 'inside', 'p1');
    expect(names()).toEqual(['Abdul Ghani Baradar', 'Meng Hongwei', 'Osama bin Laden']);
    // The scanner still knows every mention, painted or not.
    expect(scanner.mentionCount).toBe(3);
  });

  it('unpaints what is no longer ahead only with the next batch, so that scrolling changes the highlight seldom', () => {
    const { watch, say } = fakeWatchers();
    // Two bands: the second paragraph is not a sibling of the first.
    const { names } = setUp(
      '<p id="a">Meng Hongwei spoke.</p><div><p id="b">Osama bin Laden too.</p></div><div><p id="c">Abdul Ghani Baradar.</p></div>',
      watch,
    );
    say('ahead', 'inside', 'a', 'b');
    say('near', 'inside', 'a');
    expect(names()).toEqual(['Meng Hongwei', 'Osama bin Laden']);
    say('ahead', 'above', 'a');
    expect(names()).toEqual(['Meng Hongwei', 'Osama bin Laden']);
    say('ahead', 'inside', 'c');
    say('near', 'inside', 'c');
    expect(names()).toEqual(['Abdul Ghani Baradar', 'Osama bin Laden']);
  });

  it('paints a new mention at once when its element is painted', () => {
    const { watch, say } = fakeWatchers();
    const { scanner, window, add, names } = setUp('<p id="top">Meng Hongwei met Osama bin Laden.</p>', watch);
    say('ahead', 'inside', 'top');
    say('near', 'inside', 'top');
    const [first] = scanner.mentions();
    window.remove(first!);
    expect(names()).toEqual(['Osama bin Laden']);
    add(first!);
    expect(names()).toEqual(['Meng Hongwei', 'Osama bin Laden']);
  });

  it('hands a band edge on to the next element when the first holds no mention any more', () => {
    const { watch, ids } = fakeWatchers();
    const { scanner, window } = setUp(article(4), watch);
    expect(ids('ahead')).toEqual(['p0', 'p3']);
    window.remove(scanner.mentions()[0]!);
    expect(ids('ahead')).toEqual(['p1', 'p3']);
    window.remove(scanner.mentions()[3]!);
    expect(ids('ahead')).toEqual(['p1', 'p2']);
  });

  it('does not count a band ahead before it is told where its edges lie', () => {
    const { watch, say, ids } = fakeWatchers();
    setUp(article(3), watch);
    say('ahead', 'below', 'p0');
    expect(ids('near')).toEqual([]);
    say('ahead', 'below', 'p2');
    expect(ids('near')).toEqual([]);
    say('ahead', 'inside', 'p0');
    expect(ids('near')).toEqual(['p0', 'p1', 'p2']);
  });

  it('paints what a command is about to scroll to at once, before the watchers say it is near', () => {
    const { watch } = fakeWatchers();
    const { scanner, window, names } = setUp(article(3), watch);
    window.paintNow(scanner.mentions().slice(1));
    expect(names()).toEqual(['Abdul Ghani Baradar', 'Osama bin Laden']);
  });

  it('paints every mention where nothing tells what is near (no IntersectionObserver)', () => {
    const { names } = setUp(article(3), null);
    expect(names()).toEqual(['Abdul Ghani Baradar', 'Meng Hongwei', 'Osama bin Laden']);
  });

  it('stops watching everything when cleared', () => {
    const { watch, say, ids } = fakeWatchers();
    const { window } = setUp(article(3), watch);
    say('ahead', 'inside', 'p0');
    window.clear();
    expect([...ids('ahead'), ...ids('near')]).toEqual([]);
  });

  it('paints a mention whose text the page shortened before the rescan that forgets it, without throwing', () => {
    const { watch } = fakeWatchers();
    document.body.innerHTML = '<p>Then Meng Hongwei spoke.</p>';
    const scanner = new PageScanner(matcher);
    const marks = new Marks(document, scanner, { watch });
    scanner.onChange((changes) => marks.apply(changes));
    scanner.scanAll(document.body);
    const [mention] = scanner.mentions();
    (document.querySelector('p')!.firstChild as Text).data = 'Then';
    expect(() => marks.paintNow([mention!])).not.toThrow();
    expect(marks.rangeOf(mention!).toString()).toBe('');
  });
});
