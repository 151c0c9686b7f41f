/**
 * First-run page, opened on install in both browsers: names the story Context Cards knows, shows
 * how to hover, pin, use the shortcuts and the popup, and (Firefox lets people withhold it at
 * install) says why access to web pages is needed and asks for it.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PANEL_STYLES } from '../ui/panel-styles';
import { StoryLine } from '../ui/Story';
import { t, uiLanguage } from './i18n';
import { loadSettings } from './settings';
import { hasSiteAccess, requestSiteAccess } from './site-access';

type AccessState = 'unknown' | 'granted' | 'refused';

function Welcome({ initial }: { initial: AccessState }) {
  const [state, setState] = useState<AccessState>(initial);
  const ask = () => void requestSiteAccess().then((granted) => setState(granted ? 'granted' : 'refused'));
  return (
    <main class="panel welcome">
      <h1 class="title">{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <h2 class="subtitle">{t('welcomeStoryHeading')}</h2>
      <StoryLine t={t} />
      <h2 class="subtitle">{t('welcomeHowHeading')}</h2>
      <ul class="how">
        <li>{t('welcomeHover')}</li>
        <li>{t('welcomePin')}</li>
        <li>{t('welcomeShortcuts')}</li>
        <li>{t('welcomePopup')}</li>
      </ul>
      {/* Only where the browser withheld access (Firefox): Chrome grants it at install. */}
      {initial !== 'granted' && (
        <section aria-labelledby="access-heading">
          <h2 class="subtitle" id="access-heading">
            {t('welcomeAccessHeading')}
          </h2>
          <p>{t('welcomeWhy')}</p>
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
        </section>
      )}
      <p>{t('welcomePrivacy')}</p>
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
  // The theme chosen in the options (light, dark or the system's), as the popup and options pages do.
  document.documentElement.dataset.theme = (await loadSettings(browser.storage.sync)).settings.theme;
  render(<Welcome initial={(await hasSiteAccess()) ? 'granted' : 'unknown'} />, document.body);
}

void main();
