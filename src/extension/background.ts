/** Background: shows on the toolbar icon how many figures the current page names. */
import browser, { type Runtime } from 'webextension-polyfill';
import { parseMessage } from './messages';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw);
  if (!message) {
    console.warn('Context Cards: dropped a malformed message', raw);
    return undefined;
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  void browser.action.setBadgeText({ tabId, text: message.count > 0 ? String(message.count) : '' });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
  return undefined;
});
