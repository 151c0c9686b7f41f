/**
 * What a piece of selected text names: the figure whose form the whole selection is, or else the
 * figures the scanner's own rules find in it, read as one block of a page. Pure, so the context
 * menu's handler and the lookup page agree and unit tests need no browser.
 */
import type { CompiledDataset } from './dataset';
import type { Matcher } from './matcher';
import { resolveMentions } from './resolve';
import type { FigureSearch } from './search';

/** Longer selections are read only this far: a name is found within any sane selection's start. */
export const MAX_SELECTION_CHARS = 10_000;
/** How much of the selection the reader is shown back ("Look up “…”", "… names no figure"). */
const SHOWN_QUERY_CHARS = 60;

export type SelectionLookup = { kind: 'empty' } | { kind: 'none'; shown: string } | { kind: 'figures'; shown: string; ids: string[] };

/** The selection as the reader is shown it: one line, cut at SHOWN_QUERY_CHARS with an ellipsis. */
export function shownQuery(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= SHOWN_QUERY_CHARS ? line : `${line.slice(0, SHOWN_QUERY_CHARS - 1).trimEnd()}…`;
}

export function lookUpSelection(text: string, tools: { search: FigureSearch; matcher: Matcher; dataset: Pick<CompiledDataset, 'figures'> }): SelectionLookup {
  const read = text.slice(0, MAX_SELECTION_CHARS);
  const trimmed = read.replace(/^[\s"'“”‘’«»()[\].,;:!?。，、：；！？「」『』]+|[\s"'“”‘’«»()[\].,;:!?。，、：；！？「」『』]+$/gu, '');
  if (!trimmed) return { kind: 'empty' };
  const shown = shownQuery(trimmed);
  // The whole selection is a form of a figure ("Baradar", "华春莹"): no context needed.
  const whole = tools.search.find(trimmed).filter((hit) => hit.kind === 'whole');
  if (whole.length > 0) return { kind: 'figures', shown, ids: whole.map((hit) => hit.figure.id) };
  // Otherwise a sentence or more: the page's rules, cues and short forms included.
  const block = tools.matcher.matchBlock(read);
  const resolution = resolveMentions([block], new Set(block.cues));
  const ids: string[] = [];
  for (const candidate of block.candidates) {
    const index = resolution.get(candidate);
    if (index === undefined) continue;
    const id = tools.dataset.figures[index]!.id;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids.length > 0 ? { kind: 'figures', shown, ids } : { kind: 'none', shown };
}
