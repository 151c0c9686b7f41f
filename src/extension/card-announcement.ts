/**
 * What the live region says when a card opens. A card opened from a link keeps the focus on the
 * link, so its announcement names the way in; one reached by next/previous says where it is among
 * the page's names, which the focus moving into the card does not tell.
 */
import type { Figure } from '../core/dataset';
import { CATEGORY_KEY } from '../ui/Card';
import type { Translate } from '../ui/translate';

export type Announce =
  | { kind: 'opened' }
  /** Opened by keyboard focus on a link: the focus stays there. */
  | { kind: 'beside-focus' }
  /** Reached by the next/previous command: its place among the names found so far (1-based). */
  | { kind: 'position'; index: number; total: number };

export function announcementFor(t: Translate, figure: Figure, how: Announce): string {
  switch (how.kind) {
    case 'position':
      return t('announcePosition', [figure.name, String(how.index), String(how.total)]);
    case 'beside-focus':
      return t('announceBesideFocus', [figure.name, t(CATEGORY_KEY[figure.category])]);
    default:
      return t('announceOpened', [figure.name, t(CATEGORY_KEY[figure.category])]);
  }
}
