// The card's polite announcements: the live region in our shadow root and what it says.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcementFor } from '../../src/extension/card-announcement';
import { LiveRegion } from '../../src/ui/live-region';
import { t } from '../support/i18n';
import { REAL_DATASET } from '../support/real-dataset';

afterEach(() => vi.useRealTimers());

describe('the live region', () => {
  it('is polite and atomic, empties first and then speaks, so the same text is said again', () => {
    vi.useFakeTimers();
    const region = new LiveRegion(document);
    document.body.append(region.element);
    expect(region.element.getAttribute('role')).toBe('status');
    expect(region.element.getAttribute('aria-live')).toBe('polite');
    expect(region.element.getAttribute('aria-atomic')).toBe('true');
    region.say('Wang Yi, Person: card open.', 'en');
    expect(region.element.textContent).toBe('');
    vi.advanceTimersByTime(100);
    expect(region.element.textContent).toBe('Wang Yi, Person: card open.');
    region.say('Wang Yi, Person: card open.', 'zh-CN');
    expect(region.element.textContent).toBe('');
    expect(region.element.lang).toBe('zh-CN');
    vi.advanceTimersByTime(100);
    expect(region.element.textContent).toBe('Wang Yi, Person: card open.');
    // A newer announcement replaces one not yet made.
    region.say('first', 'en');
    region.say('second', 'en');
    vi.advanceTimersByTime(100);
    expect(region.element.textContent).toBe('second');
    region.dispose();
    region.element.remove();
  });
});

describe('announcements', () => {
  const wang = REAL_DATASET.figures.find((f) => f.name === 'Wang Yi')!;

  it('say the name and kind, how to reach a card beside the focus, and the place among the names', () => {
    expect(announcementFor(t, wang, { kind: 'opened' })).toBe('Wang Yi, Person: card open.');
    expect(announcementFor(t, wang, { kind: 'beside-focus' })).toBe('Wang Yi, Person: card open. Alt+Shift+O moves into it, Esc closes it.');
    expect(announcementFor(t, wang, { kind: 'position', index: 3, total: 12 })).toBe('Wang Yi, 3 of 12 names on this page');
  });
});
