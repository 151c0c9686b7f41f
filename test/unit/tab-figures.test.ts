import { describe, expect, it } from 'vitest';
import { TabFigures } from '../../src/extension/tab-figures';

describe('the badge count over frames', () => {
  it('counts distinct figures over every frame of a tab', () => {
    const tabs = new TabFigures();
    expect(tabs.set(1, 0, ['wang-yi', 'taliban'])).toBe(2);
    expect(tabs.set(1, 7, ['taliban', 'hua-chunying'])).toBe(3);
    expect(tabs.set(2, 0, ['kabul'])).toBe(1);
    expect(tabs.count(1)).toBe(3);
  });

  it('a frame reporting again replaces its figures; an empty report removes it', () => {
    const tabs = new TabFigures();
    tabs.set(1, 0, ['wang-yi']);
    tabs.set(1, 7, ['taliban']);
    expect(tabs.set(1, 7, ['kabul', 'wang-yi'])).toBe(2);
    expect(tabs.set(1, 7, [])).toBe(1);
  });

  it('forgets a tab that loads a new page or closes', () => {
    const tabs = new TabFigures();
    tabs.set(1, 0, ['wang-yi']);
    tabs.forget(1);
    expect(tabs.count(1)).toBe(0);
    expect(tabs.tabs()).toEqual([]);
  });
});
