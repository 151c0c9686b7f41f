import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, DWELL_MAX_MS, DWELL_MIN_MS, MAX_SITES, normalizeHostname, type Settings } from '../../src/extension/settings';
import { DEFAULT_SHORTCUTS, Options, type OptionsProps } from '../../src/ui/Options';
import { MESSAGES, t } from '../support/i18n';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

function show(overrides: Partial<OptionsProps> = {}) {
  const props: OptionsProps = {
    t,
    settings: defaultSettings(),
    problems: [],
    status: { state: 'idle' },
    shortcuts: DEFAULT_SHORTCUTS,
    limits: { dwellMin: DWELL_MIN_MS, dwellMax: DWELL_MAX_MS, maxSites: MAX_SITES },
    normalizeSite: normalizeHostname,
    onChange: vi.fn(),
    onReset: vi.fn(),
    ...overrides,
  };
  act(() => render(<Options {...props} />, container));
  return props;
}

const $ = <E extends Element = HTMLInputElement>(selector: string) => container.querySelector<E>(selector)!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const lastChange = (props: OptionsProps): Settings => vi.mocked(props.onChange).mock.lastCall![0] as Settings;
function type(input: HTMLInputElement, value: string, commit = true) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  if (commit) act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('the options page', () => {
  it('names each highlight style as this browser draws it, with a sample word to mark', () => {
    show();
    const label = () => $('label[for="highlight-underline"]');
    expect(text(label().firstChild as Element)).toBe(t('optionsHighlightUnderline'));
    expect(text(label().querySelector('[data-mark-sample="underline"]'))).toBe(t('optionsHighlightSample'));
    expect(container.querySelectorAll('[data-mark-sample][aria-hidden="true"]')).toHaveLength(3);
    show({ underlineComesWithTint: true });
    expect(text(label().firstChild as Element)).toBe(t('optionsHighlightUnderlineTinted'));
  });

  it('renders every setting from the props', () => {
    const settings: Settings = {
      categories: { person: true, organization: false, place: true },
      highlight: 'background',
      dwellMs: 400,
      theme: 'dark',
      badge: false,
      siteMode: 'only-sites',
      sites: ['example.com', 'news.org'],
      paused: true,
    };
    show({ settings });
    expect($('#category-person').checked).toBe(true);
    expect($('#category-organization').checked).toBe(false);
    expect($('#category-place').checked).toBe(true);
    expect($('#highlight-background').checked).toBe(true);
    expect($('#highlight-underline').checked).toBe(false);
    expect($('#dwell').value).toBe('400');
    expect($('#theme-dark').checked).toBe(true);
    expect($('#switch-badge').checked).toBe(false);
    expect($('#switch-paused').checked).toBe(true);
    expect($('#site-mode-only-sites').checked).toBe(true);
    expect([...container.querySelectorAll('.site-list .site')].map(text)).toEqual(['example.com', 'news.org']);
    expect(text($('#site-list-title'))).toBe('Sites where Context Cards runs');
  });

  it('gives every control a label and makes switches role="switch" checkboxes', () => {
    show({ settings: { ...defaultSettings(), sites: ['example.com'] } });
    const controls = [...container.querySelectorAll('input, select, textarea')];
    expect(controls.length).toBeGreaterThan(12);
    for (const control of controls) {
      expect(container.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
    for (const button of container.querySelectorAll('button')) expect(button.getAttribute('aria-label') ?? text(button)).not.toBe('');
    const switches = [...container.querySelectorAll('[role="switch"]')];
    expect(switches.map((s) => s.id).sort()).toEqual(['switch-badge', 'switch-paused']);
    for (const s of switches) expect(s.getAttribute('type')).toBe('checkbox');
  });

  it('calls onChange with the whole settings when a control changes', () => {
    const props = show();
    $('#category-place').click();
    expect(lastChange(props)).toEqual({ ...DEFAULT_SETTINGS, categories: { person: true, organization: true, place: false } });
    $('#highlight-none').click();
    expect(lastChange(props)).toEqual({ ...DEFAULT_SETTINGS, highlight: 'none' });
    $('#theme-light').click();
    expect(lastChange(props).theme).toBe('light');
    $('#switch-badge').click();
    expect(lastChange(props).badge).toBe(false);
    $('#switch-paused').click();
    expect(lastChange(props).paused).toBe(true);
    $('#site-mode-only-sites').click();
    expect(lastChange(props).siteMode).toBe('only-sites');
  });

  it('applies a valid dwell delay and rejects one out of range', () => {
    const props = show();
    type($('#dwell'), '300');
    expect(lastChange(props).dwellMs).toBe(300);
    vi.mocked(props.onChange).mockClear();
    type($('#dwell'), '5000');
    expect(props.onChange).not.toHaveBeenCalled();
    expect($('#dwell').getAttribute('aria-invalid')).toBe('true');
    expect(text($('#dwell-hint'))).toBe('Enter a whole number from 0 to 2000.');
  });

  it('adds a site, normalized, and removes one', () => {
    const props = show({ settings: { ...defaultSettings(), sites: ['news.org'] } });
    type($('#add-site'), 'https://www.Example.com/page', false);
    act(() => [...container.querySelectorAll('button')].find((b) => text(b) === 'Add')!.click());
    expect(lastChange(props).sites).toEqual(['news.org', 'example.com']);
    act(() => $<HTMLButtonElement>('button[aria-label="Remove news.org"]').click());
    expect(lastChange(props).sites).toEqual([]);
  });

  it('refuses an invalid or repeated site with a message', () => {
    const props = show({ settings: { ...defaultSettings(), sites: ['example.com'] } });
    const add = () => act(() => [...container.querySelectorAll('button')].find((b) => text(b) === 'Add')!.click());
    type($('#add-site'), 'not a site', false);
    add();
    expect(text($('#add-site-error'))).toBe('"not a site" is not a site name.');
    type($('#add-site'), 'www.example.com', false);
    add();
    expect(text($('#add-site-error'))).toBe('example.com is already in the list.');
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('resets to defaults', () => {
    const props = show();
    [...container.querySelectorAll('button')].find((b) => text(b) === 'Reset to defaults')!.click();
    expect(props.onReset).toHaveBeenCalledOnce();
  });

  it('shows the save status in a live region', () => {
    show({ status: { state: 'saved' } });
    const status = $('[role="status"]');
    expect(text(status)).toBe('Saved');
    show({ status: { state: 'error', message: 'quota exceeded' } });
    expect(text($('[role="status"]'))).toBe('Not saved: quota exceeded');
    show({ status: { state: 'idle' } });
    expect(text($('[role="status"]'))).toBe('');
  });

  it('lists the problems of the stored settings, and can dismiss them', () => {
    expect(show().problems).toEqual([]);
    expect(container.querySelector('[data-problems]')).toBeNull();
    const onDismissProblems = vi.fn();
    show({ problems: ['theme (theme): expected one of system, light, dark, found "neon"; reset to "system"'], onDismissProblems });
    const notice = $('[data-problems]');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(text(notice)).toContain('Some saved settings were invalid and have been reset:');
    expect(text(notice.querySelector('li'))).toContain('theme (theme)');
    [...notice.querySelectorAll('button')].find((b) => text(b) === 'Dismiss')!.click();
    expect(onDismissProblems).toHaveBeenCalled();
  });

  it('lists the keyboard shortcuts, with how to change them', () => {
    show({ shortcuts: [...DEFAULT_SHORTCUTS.slice(0, 2), { name: 'open-at-caret', shortcut: '' }] });
    const rows = [...container.querySelectorAll('.shortcuts tr')].map((row) => [...row.children].map(text).join(' '));
    expect(rows).toEqual([
      'Open the card of the next name on the page Alt+Shift+Period',
      'Open the card of the previous name on the page Alt+Shift+Comma',
      'Open the card of the name at the text caret or in the selection Not set',
    ]);
    expect(text(container)).toContain('chrome://extensions/shortcuts');
    expect(text(container)).toContain('Manage Extension Shortcuts');
  });

  it('has a privacy note', () => {
    show();
    expect(text(container)).toContain('no network request');
    expect(text(container)).toContain('sync storage');
  });
});

describe('messages.json', () => {
  it('describes every message and defines the extension name and description', () => {
    expect(MESSAGES.extName?.message).toBe('Context Cards');
    expect(MESSAGES.extDescription!.message.length).toBeLessThanOrEqual(132);
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.description, key).toBeTruthy();
      for (const name of entry.message.match(/\$([A-Za-z0-9_@]+)\$/g) ?? []) {
        expect(
          Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()),
          key,
        ).toContain(name.slice(1, -1).toLowerCase());
      }
    }
  });
});
