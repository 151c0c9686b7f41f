// Keyboard commands in Chromium tests, sent the way the background sends them. Headless Chromium
// does not deliver browser-level shortcuts, so an extension page in a second tab sends
// `{type: 'command'}` to the test page's top frame, which is the active tab once in front. And
// where the commands leave the keyboard focus.
import type { Page } from 'playwright-core';
import type { CommandName } from '../../src/extension/protocol';
import type { ChromiumSession } from '../../scripts/browsers.mjs';

/** Runs in an extension page. */
type ChromeApi = {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown>;
  };
};

export interface CommandSender {
  /** Settles once the page's listener has returned; the command runs synchronously in it. */
  send(name: CommandName): Promise<void>;
  close(): Promise<void>;
}

export async function commandSender(session: ChromiumSession, page: Page): Promise<CommandSender> {
  const control = await session.context.newPage();
  await control.goto(`chrome-extension://${session.extensionId}/options.html`);
  // The test page's tab is the active one once in front (no `tabs` permission: no URLs to match).
  await page.bringToFront();
  const ids = await control.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await api.tabs.query({ active: true })).map((t) => t.id);
  });
  if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`expected one active tab, found ${JSON.stringify(ids)}`);
  const tabId = ids[0];
  return {
    send: (name) =>
      control.evaluate(
        async ({ id, name }) => {
          const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
          // No listener answers, so Chromium may report the closed channel: that is not a failure.
          await api.tabs.sendMessage(id, { type: 'command', command: name }, { frameId: 0 }).catch(() => undefined);
        },
        { id: tabId, name },
      ),
    close: () => control.close(),
  };
}

/** Runs in the page: where the keyboard focus is, on the page and inside our card. */
export function focusInPage(): { page: string; inCard: string | null; inDialog: boolean } {
  const host = document.querySelector('context-cards-host');
  const active = document.activeElement;
  const inner = host?.shadowRoot?.activeElement ?? null;
  return {
    page: active === host ? 'card' : active?.id || active?.localName || '',
    inCard: inner ? (inner.getAttribute('role') ?? inner.localName) : null,
    inDialog: inner?.closest('[role="dialog"]') != null,
  };
}
