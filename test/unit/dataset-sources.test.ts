// The corrections of the December 2026 review, as rules over assets/figures/*.json: each test would
// catch the return of one class of error the review found (issue 17).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FigureFile } from '../../src/core/dataset-schema';

const dir = path.resolve(import.meta.dirname, '../../assets/figures');
const figures: FigureFile[] = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as FigureFile);
const sources = figures.flatMap((figure) => figure.sources.map((source) => ({ figure: figure.id, ...source })));
const hostOf = (url: string) => new URL(url).hostname.toLowerCase();

/** Content farms, copy sites and unlicensed book copies: cited only as a labelled relay. */
const RELAY_ONLY_HOSTS = [
  'pledgetimes.com',
  'marketresearchtelecast.com',
  'breakinglatest.news',
  'naisky.com',
  'windowstorussia.com',
  'desinema.com',
  'onenewspage.com',
  'issuhub.com',
  'whosread.com',
  'documents.pub',
  'quizzclub.com',
  'vdict.com',
];
const onHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** English Wikipedia titles that redirect to another article (the canonical one, right). */
const WIKIPEDIA_REDIRECTS: Record<string, string> = {
  'Wang_Yi_(politician)': 'Wang_Yi',
  Zabiullah_Mujahid: 'Zabihullah_Mujahid',
  Kanzhongguo: 'Vision_Times',
};

describe('the story date (issue 17, correction 1)', () => {
  it('no Check disputes that La Repubblica published the Mujahid interview on 1 September 2021', () => {
    for (const figure of figures) {
      for (const check of figure.checks) {
        const both = `${check.story} ${check.record}`;
        expect(both, `${figure.id}: ${check.story}`).not.toMatch(/1 September 2021|Sept(ember|\.)? 1\b|2 September 2021/);
      }
    }
  });

  it('the interview is dated 1 September 2021 wherever it is quoted, and cited to repubblica.it', () => {
    const quoted = figures.flatMap((f) => f.inThisStory.filter((s) => s.quote && /La Repubblica/.test(s.quote.where)).map((s) => ({ f, s })));
    expect(quoted.length).toBeGreaterThan(0);
    for (const { f, s } of quoted) {
      expect(s.quote!.date, f.id).toBe('2021-09-01');
      const cited = s.sources.map((id) => f.sources.find((src) => src.id === id)!);
      expect(
        cited.some((src) => hostOf(src.url) === 'www.repubblica.it'),
        f.id,
      ).toBe(true);
    }
  });
});

describe('sources', () => {
  it('no source on a content-farm or copy host unless it is labelled a relay', () => {
    const bad = sources.filter((s) => RELAY_ONLY_HOSTS.some((domain) => onHost(hostOf(s.url), domain)) && !s.relay);
    expect(bad.map((s) => `${s.figure}: ${s.url}`)).toEqual([]);
  });

  it('no tag or category page unless it is labelled a relay', () => {
    const bad = sources.filter((s) => /\/(tag|tags|category)\//.test(new URL(s.url).pathname) && !s.relay);
    expect(bad.map((s) => `${s.figure}: ${s.url}`)).toEqual([]);
  });

  it('no malformed host (hwww., wwww., www..)', () => {
    const bad = sources.filter((s) => /(^|\.)[a-z]+www\d*\.|(^|\.)www{2,}\.|\.\./.test(hostOf(s.url)) || /^w{4,}\./.test(hostOf(s.url)));
    expect(bad.map((s) => `${s.figure}: ${s.url}`)).toEqual([]);
  });

  it('every title is the page title, not a placeholder, unless the source is marked unverified', () => {
    const placeholder = /^(report|article|news item|blog post|entry|page|item|story) (on|about)\b/i;
    const bad = sources.filter((s) => placeholder.test(s.title) && !s.unverified);
    expect(bad.map((s) => `${s.figure}: ${s.title}`)).toEqual([]);
  });

  it('Wikipedia sources use the canonical article title, and the source title matches it', () => {
    for (const s of sources) {
      const url = new URL(s.url);
      if (!url.hostname.endsWith('.wikipedia.org') || !url.pathname.startsWith('/wiki/')) continue;
      const title = decodeURIComponent(url.pathname.slice('/wiki/'.length));
      expect(WIKIPEDIA_REDIRECTS[title], `${s.figure}: ${s.url} redirects to ${WIKIPEDIA_REDIRECTS[title]}`).toBeUndefined();
      expect(s.title, `${s.figure}: ${s.url}`).toBe(title.replace(/_/g, ' '));
    }
  });

  it('a source shared by several figures is described the same way in each', () => {
    const byUrl = new Map<string, string>();
    for (const s of sources) {
      const described = JSON.stringify([s.title, s.publisher, !!s.relay, !!s.unverified]);
      const earlier = byUrl.get(s.url);
      if (earlier) expect(described, `${s.figure}: ${s.url}`).toBe(earlier);
      else byUrl.set(s.url, described);
    }
  });
});
