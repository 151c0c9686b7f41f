/**
 * The user's settings: model, validation (field by field, never throws), migration from older
 * stored shapes, site rules, and storage over a minimal interface that `browser.storage.sync` and
 * `browser.storage` satisfy. No `browser` import here: everything is injected, so Node tests run it.
 *
 * Stored as one item, key `settings`, value `{ version: SETTINGS_VERSION, ...Settings }`.
 */
import type { Category } from '../core/dataset';

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** 'off-sites': active everywhere except the listed sites; 'only-sites': active on the listed sites only. */
export const SITE_MODES = ['off-sites', 'only-sites'] as const;
export type SiteMode = (typeof SITE_MODES)[number];
export const CATEGORIES = ['person', 'organization', 'place'] as const satisfies readonly Category[];

export const DWELL_MIN_MS = 0;
export const DWELL_MAX_MS = 2000;
export const MAX_SITES = 500;
/** The longest DNS name. */
export const MAX_SITE_LENGTH = 253;
/** `storage.sync` allows 8,192 bytes per item (key + JSON value) in Chrome and Firefox. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

export interface Settings {
  /** Which kinds of figure are marked on pages. */
  categories: Record<Category, boolean>;
  /** How marked names look; with 'none' nothing is drawn, but hovering a name still opens its card. */
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
  dwellMs: 150,
  theme: 'system',
  badge: true,
  siteMode: 'off-sites',
  sites: Object.freeze([]) as unknown as string[],
  paused: false,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return cloneSettings(DEFAULT_SETTINGS);
}

function cloneSettings(s: Readonly<Settings>): Settings {
  return { ...s, categories: { ...s.categories }, sites: [...s.sites] };
}

export interface ParsedSettings {
  settings: Settings;
  /** Readable descriptions of what was invalid and reset, each naming the field. */
  problems: string[];
}

const FIELD_LABEL: Record<Exclude<keyof Settings, 'categories'>, string> = {
  highlight: 'highlight style',
  dwellMs: 'dwell delay',
  theme: 'theme',
  badge: 'badge',
  siteMode: 'site mode',
  sites: 'site list',
  paused: 'pause everywhere',
};

/** A short, safe rendering of a stored value for a problem message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `"${value.slice(0, 37)}…" (${value.length} characters)` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/**
 * Validates a stored settings object (current version) field by field. A missing field takes its
 * default silently (settings added in a later release); a corrupt, foreign or too-large value takes
 * its default and adds a problem naming the field. Unknown keys are ignored. Never throws.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push(`settings: expected an object, found ${describe(raw)}; all settings reset to their defaults`);
    return { settings, problems };
  }
  const reset = (key: keyof typeof FIELD_LABEL, why: string) =>
    problems.push(`${key} (${FIELD_LABEL[key]}): ${why}; reset to ${JSON.stringify(DEFAULT_SETTINGS[key])}`);
  const has = (key: string) => Object.hasOwn(raw, key) && raw[key] !== undefined;

  if (has('categories')) {
    const categories = raw.categories;
    if (!isRecord(categories)) {
      problems.push(`categories (figures to mark): expected an object, found ${describe(categories)}; all kinds reset to on`);
    } else {
      for (const category of CATEGORIES) {
        const value = categories[category];
        if (value === undefined) continue;
        if (typeof value === 'boolean') settings.categories[category] = value;
        else problems.push(`categories.${category} (mark ${category}s): expected true or false, found ${describe(value)}; reset to true`);
      }
    }
  }

  if (has('highlight')) {
    if (oneOf(HIGHLIGHT_STYLES, raw.highlight)) settings.highlight = raw.highlight;
    else reset('highlight', `expected one of ${HIGHLIGHT_STYLES.join(', ')}, found ${describe(raw.highlight)}`);
  }

  if (has('dwellMs')) {
    const value = raw.dwellMs;
    if (typeof value !== 'number' || !Number.isFinite(value)) reset('dwellMs', `expected a number of milliseconds, found ${describe(value)}`);
    else if (value < DWELL_MIN_MS || value > DWELL_MAX_MS) reset('dwellMs', `${value} is outside ${DWELL_MIN_MS}–${DWELL_MAX_MS} ms`);
    else settings.dwellMs = Math.round(value);
  }

  if (has('theme')) {
    if (oneOf(THEMES, raw.theme)) settings.theme = raw.theme;
    else reset('theme', `expected one of ${THEMES.join(', ')}, found ${describe(raw.theme)}`);
  }

  for (const key of ['badge', 'paused'] as const) {
    if (!has(key)) continue;
    const value = raw[key];
    if (typeof value === 'boolean') settings[key] = value;
    else reset(key, `expected true or false, found ${describe(value)}`);
  }

  if (has('siteMode')) {
    if (oneOf(SITE_MODES, raw.siteMode)) settings.siteMode = raw.siteMode;
    else reset('siteMode', `expected one of ${SITE_MODES.join(', ')}, found ${describe(raw.siteMode)}`);
  }

  if (has('sites')) {
    const parsed = parseSiteList(raw.sites);
    settings.sites = parsed.sites;
    problems.push(...parsed.problems);
  }

  return { settings, problems };
}

/** Validates a list of sites: normalizes each, drops invalid ones and duplicates, keeps at most MAX_SITES. */
export function parseSiteList(raw: unknown): { sites: string[]; problems: string[] } {
  const problems: string[] = [];
  if (!Array.isArray(raw)) {
    problems.push(`sites (site list): expected a list of sites, found ${describe(raw)}; reset to an empty list`);
    return { sites: [], problems };
  }
  const sites: string[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let tooLong = 0;
  let firstInvalid = '';
  let overflow = 0;
  for (let i = 0; i < raw.length; i++) {
    const entry: unknown = raw[i];
    if (typeof entry === 'string' && entry.length > MAX_SITE_LENGTH) {
      tooLong++;
      continue;
    }
    const host = typeof entry === 'string' ? normalizeHostname(entry) : null;
    if (host === null) {
      if (invalid++ === 0) firstInvalid = describe(entry);
      continue;
    }
    if (seen.has(host)) continue;
    if (sites.length >= MAX_SITES) {
      // Counted without normalizing the rest: a huge stored list must not cost much.
      overflow = raw.length - i;
      break;
    }
    seen.add(host);
    sites.push(host);
  }
  if (tooLong) problems.push(`sites (site list): removed ${tooLong} entr${tooLong === 1 ? 'y' : 'ies'} longer than ${MAX_SITE_LENGTH} characters`);
  if (invalid) {
    problems.push(
      `sites (site list): removed ${invalid} entr${invalid === 1 ? 'y that is' : 'ies that are'} not a site name (first: ${firstInvalid})`,
    );
  }
  if (overflow) problems.push(`sites (site list): more than ${MAX_SITES} sites; kept the first ${MAX_SITES}, removed ${overflow}`);
  return { sites, problems };
}

export interface MigratedSettings extends ParsedSettings {
  /** The version the stored object had (0 when it carried none). */
  from: number;
  /**
   * True when what is stored differs from what would be saved now (an older version, or problems):
   * the options page writes the repaired settings back.
   */
  stale: boolean;
}

/**
 * Brings a stored object of any version to the current shape, then validates it.
 *
 * v0 (the 0.0.x prototype, no `version` key): `{ disabledSites: string[], enabled: boolean,
 * delay: number }` — `disabledSites` becomes the 'off-sites' list, `enabled: false` becomes
 * `paused: true`, `delay` becomes `dwellMs`; fields with current names are kept.
 * A version newer than this build knows (synced from a newer install) is read as the current
 * version, field by field.
 */
export function migrateSettings(raw: unknown): MigratedSettings {
  if (raw === undefined || raw === null) return { ...parseSettings(undefined), from: SETTINGS_VERSION, stale: false };
  if (!isRecord(raw)) return { ...parseSettings(raw), from: SETTINGS_VERSION, stale: true };
  const problems: string[] = [];
  let from: number;
  if (!Object.hasOwn(raw, 'version')) from = 0;
  else if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 0) from = raw.version;
  else {
    problems.push(`version: expected a whole number, found ${describe(raw.version)}; read as version ${SETTINGS_VERSION}`);
    from = SETTINGS_VERSION;
  }
  const current = from === 0 ? fromV0(raw) : raw;
  const parsed = parseSettings(current);
  problems.push(...parsed.problems);
  return { settings: parsed.settings, problems, from, stale: from < SETTINGS_VERSION || problems.length > 0 };
}

function fromV0(v0: Record<string, unknown>): Record<string, unknown> {
  const { disabledSites, enabled, delay, ...rest } = v0;
  const v1: Record<string, unknown> = { ...rest };
  if (disabledSites !== undefined && v1.sites === undefined) {
    v1.siteMode = 'off-sites';
    v1.sites = disabledSites;
  }
  if (enabled !== undefined && v1.paused === undefined) v1.paused = typeof enabled === 'boolean' ? !enabled : enabled;
  if (delay !== undefined && v1.dwellMs === undefined) v1.dwellMs = delay;
  return v1;
}

/** The stored form of settings. */
export function serializeSettings(settings: Settings): Record<string, unknown> {
  return { version: SETTINGS_VERSION, ...cloneSettings(settings) };
}

// ---------------------------------------------------------------------------------------------
// Sites

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A site as the site list keeps it: the lowercase ASCII hostname (IDN in punycode), without port,
 * path, trailing dot or a leading "*." — or null when the input names no site.
 *
 * Accepts a full page URL (scheme, host, path) or a bare hostname ("Example.com:8080").
 * Only http(s) URLs name a site: file:, about:, chrome: and the like give null.
 *
 * "www.": one leading "www." label is removed when a domain with a dot remains, so
 * "www.example.com" and "example.com" are the same entry ("www.com" stays as it is). Users type
 * either and mean the site; since a listed site also covers its subdomains (see `siteMatches`),
 * "example.com" covers www.example.com anyway.
 */
export function normalizeHostname(input: string): string | null {
  if (typeof input !== 'string') return null;
  let text = input.trim();
  if (text === '' || text.length > 2048) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme && text.slice(scheme.length + 1).startsWith('//')) {
    if (scheme !== 'http' && scheme !== 'https') return null;
  } else {
    if (text.startsWith('*.')) text = text.slice(2);
    text = `http://${text}`;
  }
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.') && host.indexOf('.', 4) > 4) host = host.slice(4);
  if (host === '' || host.length > MAX_SITE_LENGTH) return null;
  if (host.startsWith('[') && host.endsWith(']')) return host; // IPv6, as URL wrote it
  if (IPV4.test(host)) return host;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return null;
  return host;
}

/** Whether a listed site covers a hostname: the same site or one of its subdomains. */
export function siteMatches(site: string, hostname: string): boolean {
  return hostname === site || (hostname.endsWith(`.${site}`) && !site.startsWith('[') && !IPV4.test(site));
}

/**
 * Whether the site list lets Context Cards run on this hostname (or URL), ignoring the global
 * pause. Pages without a hostname (file:, about:blank) count as not listed.
 */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHostname(hostname);
  const listed = host !== null && settings.sites.some((site) => siteMatches(site, host));
  return settings.siteMode === 'off-sites' ? !listed : listed;
}

/** Whether Context Cards marks names on a page of this hostname (or URL). */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return !settings.paused && isSiteEnabled(settings, hostname);
}

/**
 * The settings with Context Cards switched on or off for one site (the popup's "On this site").
 * Switching a site off in 'only-sites' mode, or on in 'off-sites' mode, removes every entry that
 * covers it — a listed parent domain included. Returns the same object when the hostname names
 * no site or nothing changes.
 */
export function setSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = normalizeHostname(hostname);
  if (host === null || isSiteEnabled(settings, host) === enabled) return settings;
  const add = (settings.siteMode === 'only-sites') === enabled;
  const sites = add ? [...settings.sites, host].slice(-MAX_SITES) : settings.sites.filter((site) => !siteMatches(site, host));
  return { ...settings, sites };
}

// ---------------------------------------------------------------------------------------------
// Storage

/** What `browser.storage.sync` (or `.local`) offers that settings need. */
export interface SettingsArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageChangeLike {
  oldValue?: unknown;
  newValue?: unknown;
}
export type StorageChangedListener = (changes: Record<string, StorageChangeLike>, areaName: string) => void;

/**
 * Where changes are announced: pass `browser.storage` itself (its `onChanged` reports every area
 * with the area's name), or `{ onChanged: browser.storage.onChanged, areaName: 'local' }`.
 */
export interface SettingsChangeSource {
  onChanged: {
    addListener(listener: StorageChangedListener): void;
    removeListener(listener: StorageChangedListener): void;
  };
  /** The area to follow; 'sync' when not given. */
  areaName?: string;
}

export class SettingsTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(
      `the settings take ${bytes} bytes, more than the ${SYNC_QUOTA_BYTES_PER_ITEM} the browser syncs in one item; remove some sites from the list`,
    );
    this.name = 'SettingsTooLargeError';
  }
}

/** Reads the settings; what is missing or invalid falls back to defaults, with problems. Never rejects. */
export async function loadSettings(area: SettingsArea): Promise<MigratedSettings> {
  let stored: unknown;
  try {
    stored = (await area.get(SETTINGS_KEY))?.[SETTINGS_KEY];
  } catch (error) {
    return {
      settings: defaultSettings(),
      problems: [`settings: could not be read (${error instanceof Error ? error.message : String(error)}); using the defaults`],
      from: SETTINGS_VERSION,
      stale: false,
    };
  }
  return migrateSettings(stored);
}

/**
 * Validates and writes the settings; resolves to what was written. Rejects with
 * SettingsTooLargeError when they would not fit the sync quota for one item (a long site list),
 * or with the storage area's own error.
 */
export async function saveSettings(area: SettingsArea, settings: Settings): Promise<Settings> {
  const clean = parseSettings(settings).settings;
  const value = serializeSettings(clean);
  const bytes = new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(value)).length;
  if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) throw new SettingsTooLargeError(bytes);
  await area.set({ [SETTINGS_KEY]: value });
  return clean;
}

/** Calls `onChange` whenever the stored settings change (from any page or device). Returns a stop function. */
export function watchSettings(source: SettingsChangeSource, onChange: (result: MigratedSettings) => void): () => void {
  const areaName = source.areaName ?? 'sync';
  const listener: StorageChangedListener = (changes, changedArea) => {
    if (changedArea !== areaName || !changes || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    onChange(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  source.onChanged.addListener(listener);
  return () => source.onChanged.removeListener(listener);
}
