/**
 * Every delay and pace of the page layer in one place, each with the reason for its value. A
 * change here changes how the extension feels or what it costs a page: measure it (`npm run bench
 * -- --compare REF`) or try it by hand before changing it.
 */

import { DEFAULT_SETTINGS } from '../core/settings-model';

/**
 * How long the pointer rests on a name before its card opens (the default of the setting). Long
 * enough that a pointer crossing a name on its way elsewhere opens nothing; short enough to feel
 * like an answer. Wikipedia's page previews settled on the same value after user testing.
 */
export const DWELL_MS = DEFAULT_SETTINGS.dwellMs;

/**
 * How long a card opened by hover stays after the pointer leaves its name and the card: the time
 * to travel from a name into the card across the gap between them, diagonals included.
 */
export const GRACE_MS = 300;

/**
 * Pointer speed (CSS px per ms) above which the reader is sweeping across text, not resting:
 * about the speed of a hand moving to another part of the screen, well above reading pace.
 */
export const SWEEP_SPEED = 0.6;

/** Movement (px) that turns a touch into a scroll rather than a tap: a finger wobbles a few pixels. */
export const TAP_SLOP = 10;

/**
 * Milliseconds of work per slice of the first scan before yielding to the page: half of a 16 ms
 * frame, so that the page keeps scrolling and typing at full rate while we read it.
 */
export const SLICE_MS = 8;

/**
 * Delay that coalesces a burst of mutations into one rescan: a framework re-rendering a list
 * mutates in many small steps within a few frames; one rescan after them costs one pass.
 */
export const MUTATION_DELAY_MS = 40;

/**
 * How often a long first scan applies the page rules and shows what it found so far: each
 * application is a pass over the whole page's records, so a few a second is enough for names to
 * appear as the scan goes without the passes adding up.
 */
export const PUBLISH_EVERY_MS = 250;

/**
 * The slice budget is asked after about this many characters (a block counts as 32 more): asking
 * the clock costs about as much as reading a short paragraph.
 */
export const BUDGET_CHECK_CHARS = 2048;

/** While matching the blocks the prefilter let through, the slice budget is asked after this many. */
export const MATCHED_PER_BUDGET_CHECK = 16;

/** While looking through removed nodes for what was read in them, the slice budget is asked after this many: a node costs a map lookup. */
export const NODES_PER_BUDGET_CHECK = 1024;

/**
 * A publish hands its changes to the listeners (the marks' bookkeeping, the counts) this many
 * mentions at a time, asking the slice budget after each piece: a page that swaps its content in
 * place removes and adds thousands at once, about 5 µs each in the marks' bookkeeping.
 */
export const MENTIONS_PER_NOTICE = 256;

/** After stepping over about this much text, the block cursor comes back with an empty block: a chance to pause. */
export const PAUSE_AFTER_CHARS = 2048;

/**
 * How often the toolbar popup and badge hear that the figures on the page may have changed: a
 * page streaming in content would otherwise send a message per mutation batch.
 */
export const FIGURES_THROTTLE_MS = 500;
