import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Card } from '../../src/ui/Card';
import { t } from '../support/i18n';
import { REAL_DATASET } from '../support/real-dataset';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const nameOf = (id: string) => REAL_DATASET.figures.find((f) => f.id === id)?.name;
const noop = () => {};

describe('the card', () => {
  it.each(REAL_DATASET.figures.map((f) => [f.id, f] as const))('%s: shows name, roles, every check and every source', (_id, figure) => {
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed={REAL_DATASET.reviewed} onOpenFigure={noop} onClose={noop} />, container);
    const dialog = container.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe(figure.name);
    const text = dialog.textContent!;
    expect(text).toContain(figure.roleThen.text);
    expect(text).toContain(figure.roleNow.text);
    expect(text).toContain(figure.summary.text);
    for (const check of figure.checks) {
      expect(text).toContain(check.story);
      expect(text).toContain(check.record);
    }
    const links = [...dialog.querySelectorAll('.sources a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(figure.sources.map((s) => s.url));
    for (const a of dialog.querySelectorAll('a')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('marks native names with their language and direction', () => {
    const figure = REAL_DATASET.figures.find((f) => f.nativeNames.some((n) => /[\u0600-\u06ff]/.test(n.text)))!;
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={noop} onClose={noop} />, container);
    const rtl = [...container.querySelectorAll('.native-name')].find((el) => /[\u0600-\u06ff]/.test(el.textContent!))!;
    expect(rtl.getAttribute('dir')).toBe('rtl');
    expect(rtl.getAttribute('lang')).toBeTruthy();
  });

  it('renders text that looks like markup as text', () => {
    const figure = {
      ...REAL_DATASET.figures[0]!,
      summary: { text: '<img src=x onerror=alert(1)> "><script>', sources: REAL_DATASET.figures[0]!.summary.sources },
    };
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={noop} onClose={noop} />, container);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('.summary')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('opens a connection and offers a way back', () => {
    const figure = REAL_DATASET.figures.find((f) => f.relations.length > 0)!;
    const opened: string[] = [];
    let backs = 0;
    render(
      <Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={(id) => opened.push(id)} onBack={() => backs++} onClose={noop} />,
      container,
    );
    (container.querySelector('.connections button') as HTMLButtonElement).click();
    expect(opened).toEqual([figure.relations.find((r) => nameOf(r.target))!.target]);
    (container.querySelector('[aria-label="Back to the previous card"]') as HTMLButtonElement).click();
    expect(backs).toBe(1);
  });

  it('a card built ahead (staged) is not yet the dialog: no role, no name', () => {
    const figure = REAL_DATASET.figures[0]!;
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={noop} onClose={noop} staged />, container);
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(container.querySelector('[aria-label]')?.getAttribute('aria-label')).not.toBe(figure.name);
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={noop} onClose={noop} />, container);
    expect(container.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe(figure.name);
  });

  it('says how current the role is in words, and labels relays and unchecked pages', () => {
    const base = REAL_DATASET.figures[0]!;
    const [first, second] = base.sources;
    const figure = {
      ...base,
      roleNow: { ...base.roleNow, asOf: '2025-07' },
      sources: [{ ...first!, relay: true as const }, { ...second!, unverified: true as const }, ...base.sources.slice(2)],
    };
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-12-07" onOpenFigure={noop} onClose={noop} />, container);
    expect(container.querySelector('.roles')!.textContent).toContain('As of July 2025');
    const meta = [...container.querySelectorAll('.source-meta')].map((el) => el.textContent!);
    expect(meta[0]).toContain(t('cardSourceRelay'));
    expect(meta[1]).toContain(t('cardSourceUnverified'));
    expect(meta[2] ?? '').not.toContain(t('cardSourceRelay'));
  });

  it('a role that cannot change (a death) is not dated as current', () => {
    const base = REAL_DATASET.figures[0]!;
    const figure = { ...base, roleNow: { ...base.roleNow, asOf: '2011-05-02', final: true as const } };
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-12-07" onOpenFigure={noop} onClose={noop} />, container);
    expect(container.querySelector('.roles')!.textContent).not.toContain('As of');
    expect(container.querySelector('.roles')!.textContent).toContain(t('cardRoleNow'));
  });

  it('is structured for screen readers: no page landmarks, a heading per section, its data marked English', () => {
    const figure = REAL_DATASET.figures.find((f) => f.relations.length > 0 && f.checks.length > 0)!;
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={noop} onClose={noop} uiLang="zh-CN" />, container);
    const dialog = container.querySelector('[role="dialog"]')!;
    expect(dialog.querySelector('header, footer, main, nav, aside, section, [role="banner"], [role="contentinfo"]')).toBeNull();
    const summaries = [...dialog.querySelectorAll('details > summary')];
    expect(summaries.length).toBeGreaterThan(2);
    for (const summary of summaries) expect(summary.querySelector('h3')?.textContent).toBe(summary.textContent);
    expect(dialog.querySelector('h2')!.textContent).toBe(figure.name);
    // The card's own strings are in the UI language; what comes from the dataset is English.
    expect(dialog.getAttribute('lang')).toBe('zh-CN');
    expect(dialog.getAttribute('dir')).toBe('ltr');
    for (const selector of ['h2', '.summary', '.roles dd', '.connections', '.sources ol']) {
      expect(dialog.querySelector(selector)!.closest('[lang]')!.getAttribute('lang'), selector).toBe('en');
    }
  });

  it('names each citation for what it opens and keeps it out of the Tab order (the sources list has the same links)', () => {
    const figure = REAL_DATASET.figures.find((f) => f.sources.length > 1)!;
    render(<Card t={t} figure={figure} nameOf={nameOf} reviewed="2026-11-28" onOpenFigure={noop} onClose={noop} />, container);
    const cites = [...container.querySelectorAll<HTMLAnchorElement>('a.cite')];
    expect(cites.length).toBeGreaterThan(0);
    const listed = new Set([...container.querySelectorAll('.sources a')].map((a) => a.getAttribute('href')));
    for (const cite of cites) {
      expect(cite.tabIndex).toBe(-1);
      expect(listed.has(cite.getAttribute('href'))).toBe(true);
      const n = Number(cite.textContent!.replace(/\D/g, ''));
      const source = figure.sources[n - 1]!;
      expect(cite.getAttribute('aria-label')).toBe(`Source ${n}: ${source.publisher}, opens in a new tab`);
    }
    for (const a of container.querySelectorAll('.sources a')) expect(a.textContent).toContain('(opens in a new tab)');
  });

  it('reads right to left in a right-to-left UI language', async () => {
    const { textDirection } = await import('../../src/ui/Card');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('zh-TW')).toBe('ltr');
    expect(textDirection('en')).toBe('ltr');
  });
});
