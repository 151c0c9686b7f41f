/**
 * Background: the toolbar badge (how many figures the page names over all its frames, unless
 * switched off), the keyboard commands, which it forwards to the active tab's page, and the
 * first-run check for site access.
 */
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { isCommand, parseMessage, type CommandMessage } from './protocol';
import { hasSiteAccess } from './site-access';
import { defaultSettings, loadSettings, watchSettings } from './settings';
import { TabFigures } from './tab-figures';

let badgeOn = defaultSettings().badge;
const tabFigures = new TabFigures();

const showBadge = (tabId: number, count: number): void => {
  const text = badgeOn && count > 0 ? String(count) : '';
  browser.action.setBadgeText({ tabId, text }).catch(() => {
    // The tab closed meanwhile.
  });
};

void loadSettings(browser.storage.sync).then(({ settings }) => {
  badgeOn = settings.badge;
});
watchSettings(browser.storage, ({ settings }) => {
  if (settings.badge === badgeOn) return;
  badgeOn = settings.badge;
  if (badgeOn) {
    for (const tabId of tabFigures.tabs()) showBadge(tabId, tabFigures.count(tabId));
    return;
  }
  // Every tab, not just those counted since this worker started: a restarted worker forgets counts, not badges.
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) showBadge(tab.id, 0);
  });
});
void browser.action.setBadgeBackgroundColor({ color: '#1a5fb4' });
browser.tabs.onRemoved.addListener((tabId) => tabFigures.forget(tabId));
// A tab loading a new page drops its frames' figures; the new page's frames report theirs.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') tabFigures.forget(tabId);
});

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseMessage(raw);
  if (!message || message.type !== 'figures-on-page') {
    console.warn('Context Cards: dropped a malformed message', raw);
    return undefined;
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId === undefined) return undefined;
  showBadge(tabId, tabFigures.set(tabId, sender.frameId, message.figures));
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

// Firefox lets people withhold an extension's site access at install; without it nothing is marked,
// so the first run explains why it is needed and offers to ask.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== 'install') return;
  void hasSiteAccess().then((granted) => {
    if (!granted) void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  });
});
