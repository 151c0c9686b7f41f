/**
 * The vocabulary of the user's settings, written once: the kinds of figure, highlight styles and
 * themes, the limits of each value, the settings' shape and their defaults. The extension (storage
 * and validation), the options page and the page layer (how marks and cards look) all read it here.
 */

/** The kinds of figure, in the order the popup and the options page list them. */
export const CATEGORIES = ['person', 'organization', 'place'] as const;
type CategoryName = (typeof CATEGORIES)[number];

/** How marked names look; with 'none' nothing is drawn, but hovering a name still opens its card. */
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** 'system' follows the reader's `prefers-color-scheme`; 'light' and 'dark' force one. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** 'off-sites': active everywhere except the listed sites; 'only-sites': active on the listed sites only. */
export const SITE_MODES = ['off-sites', 'only-sites'] as const;
type SiteMode = (typeof SITE_MODES)[number];

export const DWELL_MIN_MS = 0;
/** Longer than two seconds reads as broken, not as patient. */
export const DWELL_MAX_MS = 2000;
/** Enough for any real list, and a list of 500 long names still fits the sync quota. */
export const MAX_SITES = 500;

export interface Settings {
  /** Which kinds of figure are marked on pages. */
  categories: Record<CategoryName, boolean>;
  highlight: HighlightStyle;
  /** How long the pointer rests on a name before its card opens, in ms. */
  dwellMs: number;
  theme: Theme;
  /** The toolbar badge with the number of figures on the page. */
  badge: boolean;
  siteMode: SiteMode;
  /** Normalized hostnames (see `normalizeHostname`); each also covers its subdomains. */
  sites: string[];
  /** Pause everywhere: nothing is marked on any page. */
  paused: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  categories: Object.freeze({ person: true, organization: true, place: true }),
  highlight: 'underline',
  // Why 150 ms: see DWELL_MS in page/timing.ts.
  dwellMs: 150,
  theme: 'system',
  badge: true,
  siteMode: 'off-sites',
  sites: Object.freeze([]) as unknown as string[],
  paused: false,
});
