/** Options page entry: loads the settings, renders the form, saves each change and reports it. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { DEFAULT_SHORTCUTS, Options, type SaveStatus, type Shortcut } from '../ui/Options';
import { PANEL_STYLES } from '../ui/panel-styles';
import { HIGHLIGHT_NAMES, underlineComesWithTint } from '../page/marks';
import markCss from './highlight.css';
import { t, uiLanguage } from './i18n';
import { COMMANDS } from './protocol';
import {
  defaultSettings,
  DWELL_MAX_MS,
  DWELL_MIN_MS,
  loadSettings,
  MAX_SITES,
  normalizeHostname,
  saveSettings,
  watchSettings,
  type Settings,
} from './settings';

const area = browser.storage.sync;
const LIMITS = { dwellMin: DWELL_MIN_MS, dwellMax: DWELL_MAX_MS, maxSites: MAX_SITES };

function injectStyles(): void {
  const style = document.createElement('style');
  style.textContent = PANEL_STYLES + markCss;
  document.head.append(style);
}

/**
 * Marks each highlight style's sample word with the same highlight the content script uses, so the
 * reader sees what this browser really draws (Firefox before 149 draws no underline in a mark).
 */
function markSamples(): void {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const HighlightCtor = (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return;
  for (const [style, name] of Object.entries(HIGHLIGHT_NAMES)) {
    const sample = document.querySelector(`[data-mark-sample="${style}"]`);
    if (!sample) continue;
    const range = document.createRange();
    range.selectNodeContents(sample);
    registry.set(name, new HighlightCtor(range));
  }
}

async function readShortcuts(): Promise<readonly Shortcut[]> {
  try {
    const commands = await browser.commands.getAll();
    // The browser lists commands alphabetically; show them in the manifest's order.
    const order = (name: string) => (COMMANDS as readonly string[]).indexOf(name);
    const list = commands
      .filter((c) => c.name && !c.name.startsWith('_'))
      .map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '', description: c.description }))
      .sort((a, b) => order(a.name) - order(b.name));
    return list.length ? list : DEFAULT_SHORTCUTS;
  } catch {
    return DEFAULT_SHORTCUTS;
  }
}

async function main(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('optionsTitle');
  injectStyles();
  const root = document.body;

  let settings: Settings = defaultSettings();
  let problems: readonly string[] = [];
  let status: SaveStatus = { state: 'idle' };
  let shortcuts: readonly Shortcut[] = DEFAULT_SHORTCUTS;
  let pending = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const draw = (): void => {
    document.documentElement.dataset.theme = settings.theme;
    render(
      <Options
        t={t}
        underlineComesWithTint={underlineComesWithTint(globalThis.CSS)}
        settings={settings}
        problems={problems}
        status={status}
        shortcuts={shortcuts}
        limits={LIMITS}
        normalizeSite={normalizeHostname}
        onChange={(next) => save(next)}
        onReset={() => save(defaultSettings())}
        onDismissProblems={() => {
          problems = [];
          draw();
        }}
      />,
      root,
    );
    markSamples();
  };

  /** Saves in order; the form shows the new value at once and the outcome when the write ends. */
  const save = (next: Settings): void => {
    settings = next;
    status = { state: 'saving' };
    pending++;
    draw();
    queue = queue.then(async () => {
      try {
        settings = await saveSettings(area, next);
        status = { state: 'saved' };
      } catch (error) {
        status = { state: 'error', message: error instanceof Error ? error.message : String(error) };
      } finally {
        pending--;
        draw();
      }
    });
  };

  const loaded = await loadSettings(area);
  settings = loaded.settings;
  problems = loaded.problems;
  draw();
  // Write back what was repaired or migrated, so the notice describes a one-time reset.
  if (loaded.stale) {
    pending++;
    queue = queue.then(() => saveSettings(area, settings).catch(() => undefined)).finally(() => pending--);
  }
  watchSettings(browser.storage, (result) => {
    if (pending > 0) return; // our own write echoing back; the form already shows it
    settings = result.settings;
    draw();
  });
  shortcuts = await readShortcuts();
  draw();
}

void main();
