/** Toolbar popup entry: asks the tab's top frame which figures it names and renders the Popup. */
import { render } from 'preact';
import dataset from 'virtual:dataset';
import browser from 'webextension-polyfill';
import { Popup, unreadableReason, type PopupPage } from '../ui/Popup';
import { PANEL_STYLES } from '../ui/panel-styles';
import { t, uiLanguage } from './i18n';
import { parseFigureList, type ListFiguresRequest, type ShowFigureRequest } from './page-messages';
import {
  defaultSettings,
  isSiteEnabled,
  loadSettings,
  normalizeHostname,
  saveSettings,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from './settings';

const area = browser.storage.sync;

function injectStyles(): void {
  const style = document.createElement('style');
  style.textContent = PANEL_STYLES;
  document.head.append(style);
}

/** The http(s) site of a URL, or null. */
function siteOf(url: string | undefined): string | null {
  return url && /^https?:/i.test(url) ? normalizeHostname(url) : null;
}

async function main(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('popupTitle');
  injectStyles();
  const root = document.body;

  let settings: Settings = defaultSettings();
  let page: PopupPage = { state: 'loading' };
  let hostname: string | null = null;
  let tabId: number | undefined;

  const draw = (): void => {
    document.documentElement.dataset.theme = settings.theme;
    render(
      <Popup
        t={t}
        figures={dataset.figures}
        page={page}
        site={hostname === null ? null : { hostname, enabled: isSiteEnabled(settings, hostname) }}
        paused={settings.paused}
        onShowFigure={showFigure}
        onSiteChange={(enabled) => hostname !== null && update(setSiteEnabled(settings, hostname, enabled))}
        onPauseChange={(paused) => update({ ...settings, paused })}
        onOpenOptions={() => {
          void browser.runtime.openOptionsPage().then(() => window.close());
        }}
      />,
      root,
    );
  };

  const update = (next: Settings): void => {
    settings = next;
    draw();
    saveSettings(area, next).catch(async (error: unknown) => {
      console.error('Context Cards: settings not saved', error);
      settings = (await loadSettings(area)).settings;
      draw();
    });
  };

  const showFigure = (id: string): void => {
    if (tabId === undefined) return;
    const message: ShowFigureRequest = { type: 'show-figure', id };
    browser.tabs
      .sendMessage(tabId, message, { frameId: 0 })
      .then(() => window.close())
      .catch((error: unknown) => console.warn('Context Cards: the page did not take the figure', error));
  };

  draw();
  watchSettings(browser.storage, (result) => {
    settings = result.settings;
    draw();
  });

  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  settings = (await loadSettings(area)).settings;
  tabId = tab?.id;
  hostname = siteOf(tab?.url);
  draw();
  if (tabId === undefined) {
    page = { state: 'unreadable', reason: unreadableReason(tab?.url) };
    draw();
    return;
  }
  try {
    const request: ListFiguresRequest = { type: 'list-figures' };
    const list = parseFigureList(await browser.tabs.sendMessage(tabId, request, { frameId: 0 }));
    if (!list) throw new Error('no figure list in the answer');
    if (hostname === null && list.hostname) hostname = normalizeHostname(list.hostname);
    page = { state: 'ready', figures: list.figures };
  } catch {
    // No content script in the tab (browser page, store, PDF viewer, a tab opened before install).
    page = { state: 'unreadable', reason: unreadableReason(tab?.url) };
  }
  draw();
}

void main();
