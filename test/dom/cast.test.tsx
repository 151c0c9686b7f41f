// The story's cast with its search, the card in place, the differences view and the lookup page.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureSearch } from '../../src/core/search';
import { Cast } from '../../src/ui/Cast';
import { Differences } from '../../src/ui/Differences';
import { Lookup } from '../../src/ui/Lookup';
import { t } from '../support/i18n';
import { REAL_DATASET } from '../support/real-dataset';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const search = new FigureSearch(REAL_DATASET);
const find = (q: string) => search.find(q).map((hit) => hit.figure);
const figures = REAL_DATASET.figures;
const names = () => [...container.querySelectorAll('button.figure')].map((b) => b.querySelector('.figure-name')!.textContent);
const dialog = () => container.querySelector('[role="dialog"]');
const key = (target: Element, k: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
function type(value: string) {
  const input = container.querySelector<HTMLInputElement>('#cast-search')!;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return input;
}

describe('the cast', () => {
  it('lists every figure of the story, grouped by kind, and finds one by any form', () => {
    act(() => render(<Cast t={t} figures={figures} reviewed={REAL_DATASET.reviewed} find={find} />, container));
    expect(names()).toHaveLength(27);
    expect([...container.querySelectorAll('section[data-category]')].map((s) => s.getAttribute('data-category'))).toEqual(['person', 'organization', 'place']);
    type('mullah baradar');
    expect(names()[0]).toBe('Abdul Ghani Baradar');
    type('Angela Merkel');
    expect(names()).toEqual([]);
    expect(container.querySelector('#cast-count')!.textContent).toBe(t('castNoMatch'));
  });

  it('is driven by the keyboard: arrows move through the results, Enter opens the card, Esc goes back', () => {
    act(() => render(<Cast t={t} figures={figures} reviewed={REAL_DATASET.reviewed} find={find} />, container));
    const input = type('Mujahid');
    key(input, 'ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.figure).toBe('zabihullah-mujahid');
    key(input, 'Enter');
    expect(dialog()?.getAttribute('aria-label')).toBe('Zabihullah Mujahid');
    expect(document.activeElement).toBe(dialog());
    key(dialog()!, 'Escape');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(container.querySelector('#cast-search'));
    expect(container.querySelector<HTMLInputElement>('#cast-search')!.value).toBe('Mujahid');
  });
});

describe('where the story differs', () => {
  it('lists every Check of every figure, each figure linked to its card', () => {
    const opened: string[] = [];
    act(() => render(<Differences t={t} figures={figures} onOpenFigure={(id) => opened.push(id)} />, container));
    const total = figures.reduce((n, f) => n + f.checks.length, 0);
    expect(container.querySelectorAll('.check-item')).toHaveLength(total);
    act(() => container.querySelector<HTMLButtonElement>('[data-figure="hua-chunying"]')!.click());
    expect(opened).toEqual(['hua-chunying']);
  });
});

describe('the lookup page', () => {
  const show = (selection: Parameters<typeof Lookup>[0]['selection']) =>
    act(() => render(<Lookup t={t} figures={figures} reviewed={REAL_DATASET.reviewed} find={find} selection={selection} initialTab="cast" />, container));

  it('opens the card of the figure a selection names', () => {
    show({ kind: 'figures', shown: 'Baradar', ids: ['abdul-ghani-baradar'] });
    expect(dialog()?.getAttribute('aria-label')).toBe('Abdul Ghani Baradar');
  });

  it('says when a selection names no figure, and offers the search with it', () => {
    show({ kind: 'none', shown: 'the weather' });
    expect(container.querySelector('.notice')!.textContent).toBe(t('lookupNoFigure', 'the weather'));
    expect(container.querySelector<HTMLInputElement>('#cast-search')!.value).toBe('the weather');
  });

  it("goes from a difference to its figure's card", () => {
    act(() =>
      render(<Lookup t={t} figures={figures} reviewed={REAL_DATASET.reviewed} find={find} selection={{ kind: 'empty' }} initialTab="differences" />, container),
    );
    act(() => container.querySelector<HTMLButtonElement>('.differences [data-figure="hua-chunying"]')!.click());
    expect(dialog()?.getAttribute('aria-label')).toBe('Hua Chunying');
  });
});
