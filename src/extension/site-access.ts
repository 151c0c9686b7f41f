/** Whether the browser lets Context Cards read web pages, and asking for it (Firefox lets people withhold it). */
import browser from 'webextension-polyfill';

const WEB_ORIGINS = ['http://*/*', 'https://*/*'];

export async function hasSiteAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: WEB_ORIGINS });
  } catch {
    return true; // a browser that cannot tell: assume the install-time grant
  }
}

/** Must be called from a user gesture (a click), or the browser refuses. */
export async function requestSiteAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: WEB_ORIGINS });
  } catch (error) {
    console.warn('Context Cards: site access request failed', error);
    return false;
  }
}
