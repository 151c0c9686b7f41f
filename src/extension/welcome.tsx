/** First-run page (Firefox lets people withhold site access at install): says why access is needed and asks for it. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PANEL_STYLES } from '../ui/panel-styles';
import { t, uiLanguage } from './i18n';
import { hasSiteAccess, requestSiteAccess } from './site-access';

type AccessState = 'unknown' | 'granted' | 'refused';

function Welcome({ initial }: { initial: AccessState }) {
  const [state, setState] = useState<AccessState>(initial);
  const ask = () => void requestSiteAccess().then((granted) => setState(granted ? 'granted' : 'refused'));
  return (
    <main class="panel welcome">
      <h1 class="title">{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhy')}</p>
      <p>{t('welcomePrivacy')}</p>
      {state === 'granted' ? (
        <p class="notice" role="status">
          {t('welcomeGranted')}
        </p>
      ) : (
        <>
          <button type="button" class="button" onClick={ask}>
            {t('grantSiteAccess')}
          </button>
          {state === 'refused' && (
            <p class="notice warning" role="status">
              {t('welcomeRefused')}
            </p>
          )}
        </>
      )}
      <p>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </p>
    </main>
  );
}

async function main(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('welcomeTitle');
  const style = document.createElement('style');
  style.textContent = PANEL_STYLES;
  document.head.append(style);
  render(<Welcome initial={(await hasSiteAccess()) ? 'granted' : 'unknown'} />, document.body);
}

void main();
