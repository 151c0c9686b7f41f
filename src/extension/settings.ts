/**
 * The user's settings as stored: validation field by field (never throws) and storage over a
 * minimal interface that `browser.storage.sync` and `browser.storage` satisfy. No `browser`
 * import here: everything is injected, so Node tests run it. The settings' shape and vocabulary
 * are `core/settings-model.ts`; the site rules, `site-rules.ts`.
 *
 * Stored as one item, key `settings`, value `{ version: SETTINGS_VERSION, ...Settings }`.
 */
import {
  CATEGORIES,
  DEFAULT_SETTINGS,
  DWELL_MAX_MS,
  DWELL_MIN_MS,
  HIGHLIGHT_STYLES,
  MAX_SITES,
  SITE_MODES,
  THEMES,
  type Settings,
} from '../core/settings-model';
import { MAX_SITE_LENGTH, normalizeHostname } from './site-rules';

export { DEFAULT_SETTINGS, DWELL_MAX_MS, DWELL_MIN_MS, MAX_SITES, type Settings } from '../core/settings-model';
export { isActiveOn, isSiteEnabled, normalizeHostname, setSiteEnabled } from './site-rules';

export const SETTINGS_VERSION = 1;
const SETTINGS_KEY = 'settings';
/** `storage.sync` allows 8,192 bytes per item (key + JSON value) in Chrome and Firefox. */
const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

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
function parseSiteList(raw: unknown): { sites: string[]; problems: string[] } {
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
    problems.push(`sites (site list): removed ${invalid} entr${invalid === 1 ? 'y that is' : 'ies that are'} not a site name (first: ${firstInvalid})`);
  }
  if (overflow) problems.push(`sites (site list): more than ${MAX_SITES} sites; kept the first ${MAX_SITES}, removed ${overflow}`);
  return { sites, problems };
}

export interface StoredSettings extends ParsedSettings {
  /**
   * True when what is stored differs from what would be saved now (problems, or no version): the
   * options page writes the repaired settings back.
   */
  stale: boolean;
}

/**
 * Reads a stored object, then validates it. Version 1 is the first that shipped, so there is
 * nothing to migrate yet. A version newer than this build knows (synced from a newer install) is
 * read as the current version, field by field.
 */
export function readStoredSettings(raw: unknown): StoredSettings {
  if (raw === undefined || raw === null) return { ...parseSettings(undefined), stale: false };
  if (!isRecord(raw)) return { ...parseSettings(raw), stale: true };
  const problems: string[] = [];
  const hasVersion = Object.hasOwn(raw, 'version');
  if (hasVersion && !(typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 0)) {
    problems.push(`version: expected a whole number, found ${describe(raw.version)}; read as version ${SETTINGS_VERSION}`);
  }
  const parsed = parseSettings(raw);
  problems.push(...parsed.problems);
  return { settings: parsed.settings, problems, stale: !hasVersion || problems.length > 0 };
}

/** The stored form of settings. */
function serializeSettings(settings: Settings): Record<string, unknown> {
  return { version: SETTINGS_VERSION, ...cloneSettings(settings) };
}

// ---------------------------------------------------------------------------------------------
// Storage

/** What `browser.storage.sync` (or `.local`) offers that settings need. */
export interface SettingsArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

interface StorageChangeLike {
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
    super(`the settings take ${bytes} bytes, more than the ${SYNC_QUOTA_BYTES_PER_ITEM} the browser syncs in one item; remove some sites from the list`);
    this.name = 'SettingsTooLargeError';
  }
}

/** Reads the settings; what is missing or invalid falls back to defaults, with problems. Never rejects. */
export async function loadSettings(area: SettingsArea): Promise<StoredSettings> {
  let stored: unknown;
  try {
    stored = (await area.get(SETTINGS_KEY))?.[SETTINGS_KEY];
  } catch (error) {
    return {
      settings: defaultSettings(),
      problems: [`settings: could not be read (${error instanceof Error ? error.message : String(error)}); using the defaults`],
      stale: false,
    };
  }
  return readStoredSettings(stored);
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
export function watchSettings(source: SettingsChangeSource, onChange: (result: StoredSettings) => void): () => void {
  const areaName = source.areaName ?? 'sync';
  const listener: StorageChangedListener = (changes, changedArea) => {
    if (changedArea !== areaName || !changes || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    onChange(readStoredSettings(changes[SETTINGS_KEY]?.newValue));
  };
  source.onChanged.addListener(listener);
  return () => source.onChanged.removeListener(listener);
}
