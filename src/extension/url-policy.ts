/**
 * Which pages Context Cards cannot read, and why, from a tab's URL: the browser's own pages, add-on
 * stores, PDFs in the browser's viewer, local files, and pages opened before the extension was
 * installed or updated. The popup shows the reason.
 */
import type { UnreadableReason } from '../ui/Popup';

const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/**
 * A likely reason a tab has no content script, from its URL (undefined when the browser does not
 * give it: then it is a page the extension has no access to).
 */
export function unreadableReason(url: string | undefined): UnreadableReason {
  if (!url) return 'browser-page';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser-page';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') {
    // chrome:, about:, edge:, moz-extension:, chrome-extension:, view-source:
    return parsed.pathname.toLowerCase().endsWith('.pdf') ? 'pdf' : 'browser-page';
  }
  if (parsed.protocol === 'file:') return parsed.pathname.toLowerCase().endsWith('.pdf') ? 'pdf' : 'file';
  if (STORE_HOSTS.includes(parsed.hostname)) return 'store-page';
  if (parsed.pathname.toLowerCase().endsWith('.pdf')) return 'pdf';
  return 'reload';
}
