/**
 * Background: the toolbar badge (how many figures the page names over all its frames, unless
 * switched off), the keyboard commands, which it forwards to the active tab's page, the card's
 * script, which it runs in the frames that ask for it, and the first-run page.
 */
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { LOOK_UP_MENU_ID, onLookUpClicked, type LookUpDeps, type MenuClick } from './context-menu';
import { t } from './i18n';
import { isCommand, parseMessage, type CommandMessage, type LookUpSelectionMessage } from './protocol';
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
  const tabId = sender.tab?.id;
  if (message?.type === 'load-card') {
    if (tabId === undefined || sender.frameId === undefined) return Promise.reject(new Error('not a frame of a tab'));
    return injectCard(tabId, sender.frameId);
  }
  if (!message || message.type !== 'figures-on-page') {
    console.warn('Context Cards: dropped a malformed message', raw);
    return undefined;
  }
  if (tabId === undefined || sender.frameId === undefined) return undefined;
  showBadge(tabId, tabFigures.set(tabId, sender.frameId, message.figures));
  return undefined;
});

/**
 * card.js (the card's code and the figures' texts) into one frame, in the content script's
 * isolated world: asked for by a frame whose scan found a name or that wants a card, so that the
 * frames that name no one never load it. Resolves once it has run.
 */
async function injectCard(tabId: number, frameId: number): Promise<true> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['card.js'] });
  return true;
}

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

// The first run opens the first-run page: which story the extension knows and how to use it, and,
// where the browser withheld site access at install (Firefox lets people), why it is needed.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
});

// The context menu on selected text. Menus persist with the extension, so they are made once per
// install or update (Chrome refuses a second item with the same id).
browser.runtime.onInstalled.addListener(() => {
  void browser.contextMenus.removeAll().then(() => browser.contextMenus.create({ id: LOOK_UP_MENU_ID, title: t('menuLookUp', '%s'), contexts: ['selection'] }));
});

const lookUpDeps: LookUpDeps = {
  async openInPage(tabId, frameId) {
    const message: LookUpSelectionMessage = { type: 'look-up-selection' };
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) === true;
  },
  async openLookupPage(query) {
    const url = browser.runtime.getURL(`lookup.html${query ? `?q=${encodeURIComponent(query)}` : ''}`);
    await browser.windows.create({ url, type: 'popup', width: 440, height: 640 });
  },
};

/** The menu's click handler, also named on the worker's global so the end-to-end test can call it. */
async function lookUpFromMenu(info: MenuClick, tab?: Tabs.Tab): Promise<string> {
  return onLookUpClicked(info, tab, lookUpDeps);
}
browser.contextMenus.onClicked.addListener((info, tab) => void lookUpFromMenu(info, tab));
(globalThis as { contextCardsLookUpFromMenu?: typeof lookUpFromMenu }).contextCardsLookUpFromMenu = lookUpFromMenu;
