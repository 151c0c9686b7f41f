/**
 * The extension API as the browser gives it: Firefox's `browser`, else Chromium's `chrome`, with no
 * wrapper. For the code every frame runs (the content script, the strings): webextension-polyfill
 * costs a frame 1.3-2 ms to set up in Chromium (docs/PERFORMANCE.md). Only what both browsers answer
 * alike in Manifest V3 may be used through it: events, ports, `i18n.getMessage`, and calls that
 * return a promise when given no callback (`runtime.sendMessage`, `storage.*.get`). A message
 * listener answers with `sendResponse`, which both browsers' own APIs honour (a returned promise
 * is the polyfill's way, not one Chromium has always had).
 */
import type { Browser } from 'webextension-polyfill';

export type ExtensionApi = Pick<Browser, 'runtime' | 'storage' | 'i18n'>;

export function extensionApi(): ExtensionApi {
  const global = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = global.browser ?? global.chrome;
  if (!api) throw new Error('Context Cards: no extension API here');
  return api;
}
