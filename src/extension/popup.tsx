/** Toolbar popup entry: asks every frame of the tab which figures it names and renders the Popup. */
import { render } from 'preact';
import dataset from 'virtual:dataset';
import browser, { type Runtime } from 'webextension-polyfill';
import { FigureSearch } from '../core/search';
import { Popup, type PopupPage } from '../ui/Popup';
import { PopupCast } from '../ui/PopupCast';
import cardCss from '../ui/card.css';
import { CAST_STYLES, PANEL_STYLES } from '../ui/panel-styles';
import { unreadableReason } from './url-policy';
import { t, uiLanguage } from './i18n';
import { FIGURES_PORT, mergeReports, parseFigureReport, type FigureReport, type ShowFigureRequest } from './protocol';
import { defaultSettings, isSiteEnabled, loadSettings, normalizeHostname, saveSettings, setSiteEnabled, watchSettings, type Settings } from './settings';
import { hasSiteAccess, requestSiteAccess } from './site-access';

const area = browser.storage.sync;

function injectStyles(): void {
  const style = document.createElement('style');
  style.textContent = PANEL_STYLES + cardCss + CAST_STYLES;
  document.head.append(style);
}

/** The http(s) site of a URL, or null. */
function siteOf(url: string | undefined): string | null {
  return url && /^https?:/i.test(url) ? normalizeHostname(url) : null;
}

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=` when the popup is opened
 * as a page of its own (the end-to-end tests open it that way, beside the tab they test).
 */
async function targetTab(): Promise<{ id: number | undefined; url: string | undefined }> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named).catch(() => undefined);
    return { id: tab?.id, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

async function main(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('popupTitle');
  injectStyles();
  const root = document.body;

  let settings: Settings = defaultSettings();
  let page: PopupPage = { state: 'loading' };
  let hostname: string | null = null;
  let siteAccess = true;
  let port: Runtime.Port | null = null;
  const reports = new Map<string, FigureReport>();
  let showCast = false;
  let search: FigureSearch | null = null;

  const draw = (): void => {
    document.documentElement.dataset.theme = settings.theme;
    if (showCast) {
      search ??= new FigureSearch(dataset);
      const finder = search;
      render(
        <PopupCast
          t={t}
          figures={dataset.figures}
          reviewed={dataset.reviewed}
          find={(q) => finder.find(q).map((hit) => hit.figure)}
          theme={settings.theme}
          onBack={() => {
            showCast = false;
            draw();
          }}
          onOpenDifferences={() => {
            void browser.tabs.create({ url: browser.runtime.getURL('lookup.html#differences') }).then(() => window.close());
          }}
        />,
        root,
      );
      return;
    }
    render(
      <Popup
        t={t}
        figures={dataset.figures}
        page={page}
        site={hostname === null ? null : { hostname, enabled: isSiteEnabled(settings, hostname) }}
        paused={settings.paused}
        siteAccess={siteAccess}
        onRequestSiteAccess={() => {
          void requestSiteAccess().then((granted) => {
            siteAccess = granted;
            draw();
          });
        }}
        onShowFigure={showFigure}
        onSiteChange={(enabled) => hostname !== null && update(setSiteEnabled(settings, hostname, enabled))}
        onPauseChange={(paused) => update({ ...settings, paused })}
        onOpenOptions={() => {
          void browser.runtime.openOptionsPage().then(() => window.close());
        }}
        onShowCast={() => {
          showCast = true;
          draw();
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
    // Prefer the top frame; otherwise the first frame that names the figure.
    const frames = [...reports.values()].sort((a, b) => Number(b.top) - Number(a.top));
    const frame = frames.find((r) => r.figures.some((f) => f.id === id && f.count > 0));
    if (!port || !frame) return;
    const message: ShowFigureRequest = { type: 'show-figure', id, frame: frame.frame };
    port.postMessage(message);
    window.close();
  };

  draw();
  watchSettings(browser.storage, (result) => {
    settings = result.settings;
    draw();
  });

  const tab = await targetTab();
  settings = (await loadSettings(area)).settings;
  siteAccess = await hasSiteAccess();
  hostname = siteOf(tab.url);
  draw();
  if (tab.id === undefined) {
    page = { state: 'unreadable', reason: unreadableReason(tab.url) };
    draw();
    return;
  }

  port = browser.tabs.connect(tab.id, { name: FIGURES_PORT });
  port.onMessage.addListener((raw: unknown) => {
    const report = parseFigureReport(raw);
    if (!report) {
      console.warn('Context Cards: dropped a malformed report from the page', raw);
      return;
    }
    reports.set(report.frame, report);
    if (report.top && hostname === null) hostname = normalizeHostname(report.hostname);
    page = { state: 'ready', figures: mergeReports(reports.values()) };
    draw();
  });
  port.onDisconnect.addListener(() => {
    port = null;
    // No content script answered: a browser page, the store, a PDF viewer, a tab opened before install.
    if (reports.size === 0) {
      page = { state: 'unreadable', reason: unreadableReason(tab.url) };
      draw();
    }
  });
}

void main();
