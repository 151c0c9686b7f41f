/**
 * Lookup page entry: reads the query (`?q=`, from the context menu) and the view (`#differences`),
 * looks the selection up with the scanner's own rules and renders the cast, the card or the
 * differences. Runs on every page the browser will not let the content script read.
 */
import { render } from 'preact';
import dataset from 'virtual:dataset';
import browser from 'webextension-polyfill';
import { Matcher } from '../core/matcher';
import { FigureSearch } from '../core/search';
import { lookUpSelection } from '../core/selection';
import { Lookup } from '../ui/Lookup';
import { CAST_STYLES, PANEL_STYLES } from '../ui/panel-styles';
import cardCss from '../ui/card.css';
import { t, uiLanguage } from './i18n';
import { loadSettings } from './settings';

async function main(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('lookupTitle');
  const style = document.createElement('style');
  style.textContent = PANEL_STYLES + cardCss + CAST_STYLES;
  document.head.append(style);
  const { settings } = await loadSettings(browser.storage.sync).catch(() => ({ settings: null }));
  if (settings) document.documentElement.dataset.theme = settings.theme;

  const search = new FigureSearch(dataset);
  const query = new URLSearchParams(location.search).get('q') ?? '';
  const selection = lookUpSelection(query, { search, matcher: new Matcher(dataset), dataset });
  render(
    <Lookup
      t={t}
      figures={dataset.figures}
      reviewed={dataset.reviewed}
      find={(q) => search.find(q).map((hit) => hit.figure)}
      selection={selection}
      initialTab={location.hash === '#differences' ? 'differences' : 'cast'}
      theme={settings?.theme}
    />,
    document.body,
  );
}

void main();
