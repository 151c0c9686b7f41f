/**
 * Background: the toolbar badge (how many figures the page names) and the keyboard commands,
 * which it forwards to the active tab's page.
 */
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { isCommand, parseMessage, type CommandMessage } from './messages';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw);
  if (!message || message.type !== 'figures-on-page') {
    console.warn('Context Cards: dropped a malformed message', raw);
    return undefined;
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  void browser.action.setBadgeText({ tabId, text: message.count > 0 ? String(message.count) : '' });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
  return undefined;
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (!isCommand(command)) return;
  void (async () => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const message: CommandMessage = { type: 'command', command };
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => {
      // No content script on this page (a browser page, or a page loaded before install).
    });
  })();
});
