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
    const figure = { ...REAL_DATASET.figures[0]!, summary: { text: '<img src=x onerror=alert(1)> "><script>', sources: REAL_DATASET.figures[0]!.summary.sources } };
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
});
