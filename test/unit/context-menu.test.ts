// The context menu's handler: in the page where the content script can open the card, else the lookup page.
import { describe, expect, it, vi } from 'vitest';
import { LOOK_UP_MENU_ID, onLookUpClicked, type LookUpDeps } from '../../src/extension/context-menu';

function deps(inPage: boolean | 'no content script'): LookUpDeps & { pages: string[] } {
  const pages: string[] = [];
  return {
    pages,
    openInPage: vi.fn(async () => {
      if (inPage === 'no content script') throw new Error('Could not establish connection. Receiving end does not exist.');
      return inPage;
    }),
    openLookupPage: vi.fn(async (query: string) => void pages.push(query)),
  };
}

const click = (selectionText: string, frameId = 0) => ({ menuItemId: LOOK_UP_MENU_ID, selectionText, frameId });

describe('the look-up menu', () => {
  it('a selection naming a figure opens the card in the page, in the frame that holds the selection', async () => {
    const d = deps(true);
    expect(await onLookUpClicked(click('Wang Yi', 3), { id: 7 }, d)).toBe('in-page');
    expect(d.openInPage).toHaveBeenCalledWith(7, 3);
    expect(d.pages).toEqual([]);
  });

  it('a selection naming a figure where no content script runs (PDF viewer, browser pages) opens the lookup page for it', async () => {
    const d = deps('no content script');
    expect(await onLookUpClicked(click('Wang Yi'), { id: 7 }, d)).toBe('lookup-page');
    expect(d.pages).toEqual(['Wang Yi']);
  });

  it('a selection naming no figure on the page opens the lookup page, which says so and offers the search', async () => {
    const d = deps(false);
    expect(await onLookUpClicked(click('the weather in Lyon'), { id: 7 }, d)).toBe('lookup-page');
    expect(d.pages).toEqual(['the weather in Lyon']);
  });

  it('a selection naming two figures opens the card of the first in the page', async () => {
    const d = deps(true);
    expect(await onLookUpClicked(click('Wang Yi met Abdul Ghani Baradar'), { id: 7 }, d)).toBe('in-page');
    expect(d.pages).toEqual([]);
  });

  it('an empty selection opens the whole cast, asking nothing of the page', async () => {
    const d = deps(true);
    expect(await onLookUpClicked(click('   '), { id: 7 }, d)).toBe('lookup-page');
    expect(d.openInPage).not.toHaveBeenCalled();
    expect(d.pages).toEqual(['']);
  });

  it('a 10,000-character selection is passed on whole, and a longer one cut to 10,000', async () => {
    const d = deps(false);
    await onLookUpClicked(click('a'.repeat(10_000)), { id: 7 }, d);
    await onLookUpClicked(click('b'.repeat(50_000)), { id: 7 }, d);
    expect(d.pages.map((q) => q.length)).toEqual([10_000, 10_000]);
  });

  it('ignores other menu items and a click without a tab still answers', async () => {
    const d = deps(true);
    expect(await onLookUpClicked({ menuItemId: 'other' }, { id: 7 }, d)).toBe('ignored');
    expect(await onLookUpClicked(click('Wang Yi'), undefined, d)).toBe('lookup-page');
  });
});
