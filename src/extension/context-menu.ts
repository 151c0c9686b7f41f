/**
 * The context menu on selected text, "Look up “…” in Context Cards": where the content script reads
 * the page it opens the card at the selection, as Alt+Shift+O does; elsewhere (the PDF viewer, the
 * browser's own pages, a selection that names no figure on the page) it opens the lookup page, which
 * shows the card or says that the selection names no figure and offers the search. The browser is
 * injected, so the handler is unit-tested without one.
 */
import { MAX_SELECTION_CHARS } from '../core/selection';

export const LOOK_UP_MENU_ID = 'look-up-selection';

export interface LookUpDeps {
  /** Asks the content script of a frame to open the card at its selection; true when it did. */
  openInPage(tabId: number, frameId: number): Promise<boolean>;
  /** Opens the extension's lookup page for a query ('' for the whole cast). */
  openLookupPage(query: string): Promise<void>;
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string | undefined;
  frameId?: number | undefined;
}

export type LookUpOutcome = 'ignored' | 'in-page' | 'lookup-page';

export async function onLookUpClicked(info: MenuClick, tab: { id?: number | undefined } | undefined, deps: LookUpDeps): Promise<LookUpOutcome> {
  if (info.menuItemId !== LOOK_UP_MENU_ID) return 'ignored';
  const selection = (info.selectionText ?? '').slice(0, MAX_SELECTION_CHARS);
  if (selection.trim() && tab?.id !== undefined && tab.id >= 0) {
    // No content script (a restricted page, the PDF viewer) rejects: the lookup page answers instead.
    const opened = await deps.openInPage(tab.id, info.frameId ?? 0).catch(() => false);
    if (opened) return 'in-page';
  }
  await deps.openLookupPage(selection.trim());
  return 'lookup-page';
}
