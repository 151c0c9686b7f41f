/**
 * Messages between the popup and the content script of a tab's top frame (frame 0), validated on
 * receipt like those in messages.ts.
 *
 *   popup → tab  { type: 'list-figures' }        answered with a FigureList
 *   popup → tab  { type: 'show-figure', id }     the tab scrolls to the figure's first mention and opens its card
 */

export interface ListFiguresRequest {
  type: 'list-figures';
}

export interface ShowFigureRequest {
  type: 'show-figure';
  /** A figure id from the dataset. */
  id: string;
}

export type PageRequest = ListFiguresRequest | ShowFigureRequest;

export interface FigureCount {
  id: string;
  /** Mentions of this figure in the frame. */
  count: number;
}

/** The answer to 'list-figures'. */
export interface FigureList {
  figures: FigureCount[];
  /**
   * Optional: the frame's `location.hostname`, for the popup's "On this site" switch when the
   * browser does not give the popup the tab's URL.
   */
  hostname?: string;
}

/** Figure ids as the dataset schema allows them. */
const FIGURE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 200;
const MAX_FIGURES = 10_000;
const MAX_COUNT = 10_000_000;

export function isFigureId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && FIGURE_ID.test(value);
}

/** A request the content script accepts, or null. */
export function parsePageRequest(raw: unknown): PageRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'list-figures':
      return { type: 'list-figures' };
    case 'show-figure':
      return isFigureId(message.id) ? { type: 'show-figure', id: message.id } : null;
    default:
      return null;
  }
}

/**
 * The content script's answer to 'list-figures', or null when it is not one (wrong shape, a bad
 * entry, too many entries). Repeated ids are merged by adding their counts.
 */
export function parseFigureList(raw: unknown): FigureList | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { figures, hostname } = raw as Record<string, unknown>;
  if (!Array.isArray(figures) || figures.length > MAX_FIGURES) return null;
  const counts = new Map<string, number>();
  for (const entry of figures as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { id, count } = entry as Record<string, unknown>;
    if (!isFigureId(id) || typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COUNT) return null;
    counts.set(id, (counts.get(id) ?? 0) + count);
  }
  const list: FigureList = { figures: [...counts].map(([id, count]) => ({ id, count })) };
  if (typeof hostname === 'string' && hostname.length <= 253) list.hostname = hostname;
  return list;
}
