/**
 * How the extension's parts name a figure to each other: its id, as the dataset schema allows it
 * and as every message is checked against, and the count of its mentions on a page.
 */

/** Lowercase words of letters and digits joined by single dashes ("abdul-ghani-baradar"). */
export const FIGURE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Far longer than any real id: a message with a longer one is not ours. */
const MAX_FIGURE_ID_LENGTH = 200;

export function isFigureId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_FIGURE_ID_LENGTH && FIGURE_ID_PATTERN.test(value);
}

export interface FigureCount {
  id: string;
  /** Mentions of this figure on the page (in one frame, or summed over frames). */
  count: number;
}
