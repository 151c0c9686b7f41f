/**
 * Content script: runs Context Cards on the page while the settings allow it, follows settings
 * changes live, and answers the toolbar popup and the keyboard commands.
 *
 * It runs in every frame, so its first moments are kept short (docs/ARCHITECTURE.md, "What loads
 * where"): it registers its listeners, and a blank frame goes no further until something is added
 * to it (`blank-page.ts`). Only then are the settings read, and the session's code
 * (`session-code.ts`, imported dynamically) run when they let it start.
 */
import type { Runtime } from 'webextension-polyfill';
import { whenNotBlank } from './blank-page';
import { loadCardModule } from './card-module';
import { extensionApi } from './extension-api';
import { t } from './i18n';
import { FIGURES_PORT, newFrameToken, parseMessage, parseShowFigure, type FigureReport, type FiguresOnPageMessage, type LoadCardMessage } from './protocol';
import type { PageSession, SessionLook } from './page-session';
import { isActiveOn, loadSettings, watchSettings, type Settings } from './settings';
import { shadowRootReader, type ChromeDom } from '../page/shadow';

const INSTANCE_KEY = Symbol.for('context-cards.instance');

function start(): void {
  const win = window as Window & { [INSTANCE_KEY]?: true };
  if (win[INSTANCE_KEY]) return; // injected twice (extension reload): keep the first
  win[INSTANCE_KEY] = true;

  const browser = extensionApi();
  const isTop = win === win.top;
  const frameToken = newFrameToken();
  // Read when first needed (settings applied, the popup asking): a blank frame never needs it.
  let site: string | undefined;
  const hostname = (): string => (site ??= siteHostname(win));
  const ports = new Set<Runtime.Port>();
  let session: PageSession | null = null;
  let settings: Settings | null = null;
  // Closed shadow roots: Firefox lets content scripts read them from any element, Chromium through
  // its `chrome.dom`, which only this layer may reach for.
  const shadowRootOf = shadowRootReader(win.document.documentElement, (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom);

  /** A popup that closed a moment ago leaves a dead port: it is dropped. */
  const post = (port: Runtime.Port, message: FigureReport): void => {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  };

  const report = (): FigureReport => ({
    type: 'figures',
    frame: frameToken,
    top: isTop,
    active: session !== null,
    figures: session?.figureCounts() ?? [],
    hostname: hostname(),
  });

  let reportedFigures = '';
  const reportToBadge = (figures: string[]): void => {
    const key = figures.join(' ');
    if (key === reportedFigures) return;
    reportedFigures = key;
    const message: FiguresOnPageMessage = { type: 'figures-on-page', figures };
    browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting; the next change reports again.
    });
  };
  const figuresChanged = (): void => {
    const current = report();
    for (const port of ports) post(port, current);
    reportToBadge(current.figures.map((f) => f.id).sort());
  };
  // A frame that goes away (removed, navigated) takes its figures off the badge.
  win.addEventListener('pagehide', () => reportToBadge([]));
  win.addEventListener('pageshow', (event) => event.persisted && figuresChanged());

  /** The background runs card.js in this frame (this frame only), and answers once it has run. */
  const loadCards = () =>
    loadCardModule(async () => {
      const message: LoadCardMessage = { type: 'load-card' };
      await browser.runtime.sendMessage(message);
    });

  /** Counts the settings applied: a session whose code arrives after newer settings is not started. */
  let applied = 0;
  const apply = (next: Settings): void => {
    const previous = settings;
    settings = next;
    const active = isActiveOn(next, hostname());
    const look: SessionLook = { highlight: next.highlight, dwellMs: next.dwellMs, theme: next.theme };
    if (session && active && previous && sameCategories(previous, next)) {
      session.setLook(look);
      return;
    }
    session?.stop();
    session = null;
    const applying = ++applied;
    if (!active) {
      figuresChanged();
      return;
    }
    void import('./session-code').then(({ PageSession, dataset, markCss }) => {
      if (applying !== applied) return;
      session = new PageSession(win, dataset, { ...look, categories: next.categories, markCss, t, shadowRootOf, onFiguresChanged: figuresChanged, loadCards });
    });
  };

  // Every message is answered at once, through `sendResponse`: the one way both browsers' own APIs share.
  browser.runtime.onMessage.addListener((raw: unknown, _sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void) => {
    const message = parseMessage(raw);
    let answer: boolean | undefined;
    if (message?.type === 'command') session?.runCommand(message.command);
    else if (message?.type === 'look-up-selection') answer = session?.runCommand('open-at-caret') ?? false;
    else console.debug('Context Cards: dropped a message it does not know', raw);
    sendResponse(answer);
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== FIGURES_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.onMessage.addListener((raw: unknown) => {
      const request = parseShowFigure(raw);
      if (!request) console.debug('Context Cards: dropped a popup message it does not know', raw);
      else if (request.frame === frameToken) session?.showFigure(request.id);
    });
    const answer = () => ports.has(port) && post(port, report());
    // A frame still on its first scan answers when the scan is done, with the full list.
    if (session) void session.ready.then(answer);
    else answer();
  });

  whenNotBlank(win.document, shadowRootOf, () => {
    try {
      watchSettings(browser.storage, (result) => apply(result.settings));
    } catch (error) {
      // No storage API here (a browser without it): run with the settings read once, or the defaults.
      console.warn('Context Cards: cannot follow settings changes', error);
    }
    void loadSettings(browser.storage.sync).then((result) => {
      if (result.problems.length) console.warn('Context Cards: settings reset to defaults:', result.problems.join('; '));
      if (settings === null) apply(result.settings);
    });
  });
}

function sameCategories(a: Settings, b: Settings): boolean {
  return a.categories.person === b.categories.person && a.categories.organization === b.categories.organization && a.categories.place === b.categories.place;
}

/**
 * The hostname the site list is checked against: the tab's site, so that switching a site off
 * covers the frames it embeds. Frames read it from their ancestors where the browser tells them.
 */
function siteHostname(win: Window): string {
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    try {
      return new URL(ancestors[ancestors.length - 1]!).hostname;
    } catch {
      // An opaque origin ("null"): fall through.
    }
  }
  try {
    return win.top!.location.hostname;
  } catch {
    return win.location.hostname; // a cross-origin frame in a browser without ancestorOrigins
  }
}

// Only HTML documents: an SVG or XML document has no place for our card, and nothing to read as prose.
if (document.documentElement?.localName === 'html' && document.body) start();
