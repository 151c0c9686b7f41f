import { describe, expect, it, vi } from 'vitest';
import { mergeReports, newFrameToken, parseFigureReport, parseShowFigure } from '../../src/extension/protocol';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  isActiveOn,
  isSiteEnabled,
  loadSettings,
  MAX_SITES,
  readStoredSettings,
  normalizeHostname,
  parseSettings,
  saveSettings,
  SETTINGS_VERSION,
  SettingsTooLargeError,
  setSiteEnabled,
  watchSettings,
  type Settings,
  type SettingsArea,
  type StorageChangedListener,
} from '../../src/extension/settings';

const settingsWith = (patch: Partial<Settings>): Settings => ({ ...defaultSettings(), ...patch });

describe('parseSettings', () => {
  it('gives the defaults for nothing stored, without problems', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('resets everything, with one problem, when the value is not an object', () => {
    for (const raw of ['settings', 42, true, [1, 2]]) {
      const { settings, problems } = parseSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^settings:/);
    }
  });

  it('keeps a complete valid object as it is', () => {
    const valid: Settings = {
      categories: { person: false, organization: true, place: false },
      highlight: 'none',
      dwellMs: 0,
      theme: 'dark',
      badge: false,
      siteMode: 'only-sites',
      sites: ['example.com', 'news.example.org'],
      paused: true,
    };
    expect(parseSettings(valid)).toEqual({ settings: valid, problems: [] });
  });

  it('ignores unknown keys and never throws on odd values', () => {
    const odd = [Object.create(null), new Date(), () => 1, Symbol('x'), 10n, { categories: Symbol('c'), sites: { length: 5 } }];
    for (const raw of odd) expect(() => parseSettings(raw)).not.toThrow();
    expect(parseSettings({ future: 'setting' })).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  // field, valid value, corrupt value, foreign-type value, too-large value
  const cases: Array<[keyof Settings, unknown, unknown, unknown, unknown]> = [
    ['highlight', 'background', 'blink', 3, 'u'.repeat(100_000)],
    ['dwellMs', 2000, Number.NaN, '150', 2001],
    ['theme', 'light', 'sepia', ['dark'], 'd'.repeat(100_000)],
    ['badge', false, 'false', 0, { on: true }],
    ['siteMode', 'only-sites', 'some-sites', null, 'o'.repeat(100_000)],
    ['paused', true, 'yes', 1, [true]],
  ];
  describe.each(cases)('%s', (field, valid, corrupt, foreign, tooLarge) => {
    it('takes a valid value', () => {
      const { settings, problems } = parseSettings({ [field]: valid });
      expect(settings[field]).toEqual(valid);
      expect(problems).toEqual([]);
    });
    it.each([
      ['corrupt', corrupt],
      ['foreign', foreign],
      ['too large', tooLarge],
    ])('resets a %s value to its default with a problem naming the field', (_kind, value) => {
      const { settings, problems } = parseSettings({ ...DEFAULT_SETTINGS, [field]: value });
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(`${field} (`)).toBe(true);
      expect(problems[0]).toContain('reset to');
      expect(problems[0]!.length).toBeLessThan(300); // a huge value is not echoed
    });
  });

  it('dwellMs: rounds a fractional delay, rejects negative and infinite ones', () => {
    expect(parseSettings({ dwellMs: 149.6 }).settings.dwellMs).toBe(150);
    expect(parseSettings({ dwellMs: -1 }).problems[0]).toMatch(/^dwellMs \(dwell delay\): -1 is outside 0–2000 ms/);
    expect(parseSettings({ dwellMs: Infinity }).settings.dwellMs).toBe(150);
  });

  describe('categories', () => {
    it('takes valid values per kind and keeps the others on', () => {
      const { settings, problems } = parseSettings({ categories: { place: false } });
      expect(settings.categories).toEqual({ person: true, organization: true, place: false });
      expect(problems).toEqual([]);
    });
    it('resets a corrupt kind alone', () => {
      const { settings, problems } = parseSettings({ categories: { person: false, organization: 'no', place: false } });
      expect(settings.categories).toEqual({ person: false, organization: true, place: false });
      expect(problems).toEqual([expect.stringMatching(/^categories\.organization /)]);
    });
    it('resets all kinds when the value is of a foreign type', () => {
      for (const value of ['person', 3, [true, false, true]]) {
        const { settings, problems } = parseSettings({ categories: value });
        expect(settings.categories).toEqual(DEFAULT_SETTINGS.categories);
        expect(problems).toEqual([expect.stringMatching(/^categories /)]);
      }
    });
    it('does not share the default object', () => {
      const { settings } = parseSettings({});
      settings.categories.person = false;
      settings.sites.push('x.org');
      expect(DEFAULT_SETTINGS.categories.person).toBe(true);
      expect(parseSettings({}).settings.sites).toEqual([]);
    });
  });

  describe('sites', () => {
    it('normalizes, de-duplicates and keeps valid entries', () => {
      const { settings, problems } = parseSettings({ sites: ['Example.com', 'https://www.example.com/x', 'news.org'] });
      expect(settings.sites).toEqual(['example.com', 'news.org']);
      expect(problems).toEqual([]);
    });
    it('drops invalid and foreign entries with one problem', () => {
      const { settings, problems } = parseSettings({ sites: ['ok.org', 'not a host', 7, null, 'chrome://settings'] });
      expect(settings.sites).toEqual(['ok.org']);
      expect(problems).toEqual([expect.stringMatching(/^sites \(site list\): removed 4 entries that are not a site name \(first: "not a host"\)/)]);
    });
    it('resets a value that is not a list', () => {
      const { settings, problems } = parseSettings({ sites: 'example.com' });
      expect(settings.sites).toEqual([]);
      expect(problems).toEqual([expect.stringMatching(/^sites \(site list\): expected a list/)]);
    });
    it('drops entries longer than 253 characters', () => {
      const long = `${'a.'.repeat(130)}com`;
      const { settings, problems } = parseSettings({ sites: [long, 'fine.org'] });
      expect(settings.sites).toEqual(['fine.org']);
      expect(problems).toEqual([expect.stringContaining('longer than 253 characters')]);
    });
    it('keeps the first 500 of a longer list and reports the rest', () => {
      const sites = Array.from({ length: MAX_SITES + 20 }, (_, i) => `site${i}.org`);
      const { settings, problems } = parseSettings({ sites });
      expect(settings.sites).toHaveLength(MAX_SITES);
      expect(settings.sites.at(-1)).toBe(`site${MAX_SITES - 1}.org`);
      expect(problems).toEqual([expect.stringContaining('kept the first 500, removed 20')]);
    });
  });
});

describe('readStoredSettings', () => {
  it('reads the current version as it is', () => {
    const stored = { version: SETTINGS_VERSION, ...DEFAULT_SETTINGS, theme: 'dark' };
    expect(readStoredSettings(stored)).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, problems: [], stale: false });
  });

  it('reads a stored object without a version as the current one, and flags it to be written back', () => {
    const result = readStoredSettings({ theme: 'light' });
    expect(result).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'light' }, problems: [], stale: true });
  });

  it('reads a newer version field by field', () => {
    const result = readStoredSettings({ version: 7, theme: 'dark', hologram: true });
    expect(result.settings.theme).toBe('dark');
    expect(result).toMatchObject({ stale: false, problems: [] });
  });

  it('reports a corrupt version and reads the rest as current', () => {
    const result = readStoredSettings({ version: 'one', badge: false });
    expect(result.settings.badge).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^version:/)]);
    expect(result.stale).toBe(true);
  });

  it('gives defaults for nothing stored, and flags a stored non-object', () => {
    expect(readStoredSettings(undefined)).toMatchObject({ settings: DEFAULT_SETTINGS, problems: [], stale: false });
    expect(readStoredSettings('garbage')).toMatchObject({ settings: DEFAULT_SETTINGS, stale: true });
  });
});

describe('normalizeHostname', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.example.com/path?q=1#x', 'example.com'],
    ['http://news.example.com:8080/', 'news.example.com'],
    ['example.com:8080', 'example.com'],
    ['example.com.', 'example.com'],
    ['*.example.com', 'example.com'],
    ['www.com', 'www.com'],
    ['www2.example.com', 'www2.example.com'],
    ['sub.www.example.com', 'sub.www.example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://[::1]:3000/', '[::1]'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['https://例え.jp/', 'xn--r8jz45g.jp'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not a host',
    'chrome://extensions',
    'file:///home/a.html',
    'about:blank',
    'ftp://example.com',
    'exa_mple..com',
    '-bad.com',
    'http://',
    `${'a'.repeat(64)}.com`,
  ])('rejects %j', (input) => {
    expect(normalizeHostname(input)).toBeNull();
  });
});

describe('isActiveOn and site switches', () => {
  const off = settingsWith({ siteMode: 'off-sites', sites: ['example.com'] });
  const only = settingsWith({ siteMode: 'only-sites', sites: ['example.com'] });

  it('off-sites: active everywhere but the listed sites and their subdomains', () => {
    expect(isActiveOn(off, 'example.com')).toBe(false);
    expect(isActiveOn(off, 'www.example.com')).toBe(false);
    expect(isActiveOn(off, 'news.example.com')).toBe(false);
    expect(isActiveOn(off, 'notexample.com')).toBe(true);
    expect(isActiveOn(off, 'example.com.evil.org')).toBe(true);
    expect(isActiveOn(off, '')).toBe(true);
  });

  it('only-sites: active only on the listed sites and their subdomains', () => {
    expect(isActiveOn(only, 'https://news.example.com/a')).toBe(true);
    expect(isActiveOn(only, 'other.org')).toBe(false);
    expect(isActiveOn(only, '')).toBe(false);
  });

  it('pause wins everywhere', () => {
    expect(isActiveOn({ ...off, paused: true }, 'other.org')).toBe(false);
    expect(isActiveOn({ ...only, paused: true }, 'example.com')).toBe(false);
    expect(isActiveOn(defaultSettings(), 'anything.org')).toBe(true);
  });

  it('setSiteEnabled adds or removes the site as the mode needs', () => {
    expect(setSiteEnabled(defaultSettings(), 'www.news.org', false).sites).toEqual(['news.org']);
    expect(setSiteEnabled(off, 'news.example.com', true).sites).toEqual([]);
    expect(setSiteEnabled(only, 'other.org', true).sites).toEqual(['example.com', 'other.org']);
    expect(setSiteEnabled(only, 'example.com', false).sites).toEqual([]);
    expect(setSiteEnabled(off, 'example.com', false)).toBe(off); // nothing to change
    expect(setSiteEnabled(off, 'about:blank', true)).toBe(off);
    expect(isSiteEnabled(setSiteEnabled(off, 'example.com', true), 'example.com')).toBe(true);
  });
});

/** A storage area and onChanged event that behave like browser.storage.sync and browser.storage. */
function fakeStorage(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  const listeners = new Set<StorageChangedListener>();
  const area: SettingsArea = {
    get: vi.fn(async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
        data.set(key, structuredClone(value));
      }
      for (const listener of listeners) listener(changes, 'sync');
    }),
  };
  const onChanged = {
    addListener: (l: StorageChangedListener) => listeners.add(l),
    removeListener: (l: StorageChangedListener) => listeners.delete(l),
  };
  return { area, onChanged, data, listeners };
}

describe('storage', () => {
  it('loads defaults from empty storage', async () => {
    const { area } = fakeStorage();
    expect(await loadSettings(area)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], stale: false });
    expect(area.get).toHaveBeenCalledWith('settings');
  });

  it('saves with a version and loads back the same settings', async () => {
    const { area, data } = fakeStorage();
    const mine = settingsWith({ theme: 'dark', sites: ['example.com'], dwellMs: 400 });
    expect(await saveSettings(area, mine)).toEqual(mine);
    expect(data.get('settings')).toEqual({ version: SETTINGS_VERSION, ...mine });
    expect((await loadSettings(area)).settings).toEqual(mine);
  });

  it('saves a cleaned copy of invalid settings', async () => {
    const { area, data } = fakeStorage();
    const bad = { ...defaultSettings(), dwellMs: 99_999, sites: ['www.Example.com', 'example.com'] };
    const saved = await saveSettings(area, bad);
    expect(saved.dwellMs).toBe(150);
    expect((data.get('settings') as Settings).sites).toEqual(['example.com']);
  });

  it('refuses settings too large to sync, without writing', async () => {
    const { area } = fakeStorage();
    const sites = Array.from({ length: 400 }, (_, i) => `a-rather-long-site-name-${i}.example.org`);
    await expect(saveSettings(area, settingsWith({ sites }))).rejects.toBeInstanceOf(SettingsTooLargeError);
    expect(area.set).not.toHaveBeenCalled();
  });

  it('loads invalid stored settings with problems', async () => {
    expect(await loadSettings(fakeStorage({ settings: { version: 1, theme: 'neon' } }).area)).toMatchObject({
      settings: DEFAULT_SETTINGS,
      problems: [expect.stringMatching(/^theme \(theme\)/)],
      stale: true,
    });
  });

  it('loads defaults with a problem when the storage fails', async () => {
    const area: SettingsArea = { get: () => Promise.reject(new Error('disk on fire')), set: () => Promise.resolve() };
    const result = await loadSettings(area);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problems[0]).toContain('disk on fire');
  });

  it('watch reports changes to the settings of its area only, and stops', async () => {
    const { area, onChanged, listeners } = fakeStorage();
    const seen: Settings[] = [];
    const stop = watchSettings({ onChanged }, (r) => seen.push(r.settings));
    await saveSettings(area, settingsWith({ paused: true }));
    for (const l of listeners) {
      l({ settings: { newValue: { version: 1, paused: false, theme: 'dark' } } }, 'local'); // another area
      l({ other: { newValue: 1 } }, 'sync'); // another key
      l({ settings: { oldValue: {} } }, 'sync'); // removed: defaults
    }
    expect(seen).toEqual([settingsWith({ paused: true }), DEFAULT_SETTINGS]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('watch follows another area when told', () => {
    const { onChanged, listeners } = fakeStorage();
    const seen: unknown[] = [];
    watchSettings({ onChanged, areaName: 'local' }, (r) => seen.push(r.settings.theme));
    for (const l of listeners) l({ settings: { newValue: { version: 1, theme: 'dark' } } }, 'local');
    expect(seen).toEqual(['dark']);
  });
});

describe('page messages', () => {
  const report = (extra: Record<string, unknown> = {}) => ({
    type: 'figures',
    frame: 'abcdefgh12345678',
    top: true,
    active: true,
    hostname: 'x.org',
    figures: [],
    ...extra,
  });

  it('parseShowFigure accepts a figure id addressed to a frame token only', () => {
    expect(parseShowFigure({ type: 'show-figure', id: 'wang-yi', frame: 'abcdefgh12345678', extra: 1 })).toEqual({
      type: 'show-figure',
      id: 'wang-yi',
      frame: 'abcdefgh12345678',
    });
    for (const raw of [
      null,
      'show-figure',
      {},
      { type: 'show-figure', id: 'wang-yi' },
      { type: 'show-figure', id: 'Wang Yi', frame: 'abcdefgh12345678' },
      { type: 'show-figure', id: 'x'.repeat(500), frame: 'abcdefgh12345678' },
      { type: 'show-figure', id: 'wang-yi', frame: '<script>' },
      { type: 'command' },
    ]) {
      expect(parseShowFigure(raw)).toBeNull();
    }
  });

  it('frame tokens are accepted by the parser', () => {
    const frame = newFrameToken();
    expect(parseShowFigure({ type: 'show-figure', id: 'a', frame })?.frame).toBe(frame);
  });

  it('parseFigureReport accepts a well-formed report and merges repeated ids', () => {
    expect(parseFigureReport(report())).toEqual(report());
    expect(
      parseFigureReport(
        report({
          figures: [
            { id: 'a', count: 2 },
            { id: 'b', count: 1 },
            { id: 'a', count: 1 },
          ],
        }),
      )?.figures,
    ).toEqual([
      { id: 'a', count: 3 },
      { id: 'b', count: 1 },
    ]);
  });

  it('parseFigureReport rejects anything else', () => {
    for (const raw of [
      undefined,
      null,
      { figures: [] },
      report({ type: 'figures-on-page' }),
      report({ frame: 'x' }),
      report({ top: 'yes' }),
      report({ active: 1 }),
      report({ hostname: 7 }),
      report({ hostname: 'a'.repeat(300) }),
      report({ figures: 'a' }),
      report({ figures: [{ id: 'a' }] }),
      report({ figures: [{ id: 'a', count: -1 }] }),
      report({ figures: [{ id: 'a', count: 1.5 }] }),
      report({ figures: [{ id: '<img>', count: 1 }] }),
      report({ figures: [null] }),
      report({ figures: Array.from({ length: 10_001 }, () => ({ id: 'a', count: 1 })) }),
    ]) {
      expect(parseFigureReport(raw)).toBeNull();
    }
  });

  it('mergeReports adds counts over frames', () => {
    const top = parseFigureReport(report({ figures: [{ id: 'a', count: 2 }] }))!;
    const child = parseFigureReport(
      report({
        frame: 'zzzzzzzz',
        top: false,
        figures: [
          { id: 'a', count: 1 },
          { id: 'b', count: 4 },
        ],
      }),
    )!;
    expect(mergeReports([top, child])).toEqual([
      { id: 'a', count: 3 },
      { id: 'b', count: 4 },
    ]);
  });
});
