// Page helpers that work with both a playwright-core Page and a puppeteer-core Page.
// They only use what both share: page.evaluate(fn, arg) and page.mouse.move(x, y).
//
// Mentions are not wrapped in elements (they are CSS Custom Highlights), so to hover a name
// we find its text in the DOM, make a Range over it and move the pointer to the centre of the
// range's first client rect.

/** Runs in the page. Finds the nth occurrence of `text` in the reading text under `within`. */
function locateTextInPage({ text, nth, within, scroll }) {
  const root = within ? document.querySelector(within) : document.body;
  if (!root) return { error: `no element matches ${JSON.stringify(within)}` };
  // Do not look inside our own UI or non-rendered text (<textarea> text is not laid out as DOM text).
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'CONTEXT-CARDS-HOST']);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let el = node.parentElement; el; el = el.parentElement) {
        if (skip.has(el.tagName)) return NodeFilter.FILTER_REJECT;
        if (el === root) break;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  // Build the reading text with whitespace runs collapsed to one space, keeping a map from each
  // character back to (text node, offset).
  const norm = (s) => s.replace(/\s+/g, ' ');
  const needle = norm(text).trim();
  let hay = '';
  const mapNode = [];
  const mapOff = [];
  let lastWasSpace = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      const space = /\s/.test(ch);
      if (space && lastWasSpace) continue;
      hay += space ? ' ' : ch;
      mapNode.push(node);
      mapOff.push(i);
      lastWasSpace = space;
    }
  }
  let idx = -1;
  for (let i = 0, from = 0; i <= nth; i++) {
    idx = hay.indexOf(needle, from);
    if (idx < 0) break;
    from = idx + 1;
  }
  if (idx < 0 || !needle) {
    return { error: `text ${JSON.stringify(text)} (occurrence ${nth}) not found${within ? ` in ${within}` : ''}` };
  }
  const last = idx + needle.length - 1;
  const range = document.createRange();
  range.setStart(mapNode[idx], mapOff[idx]);
  range.setEnd(mapNode[last], mapOff[last] + 1);

  const firstRect = () => [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0) ?? null;
  let rect = firstRect();
  const inView = (r) => r && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  if (scroll && rect && !inView(rect)) {
    const el = mapNode[idx].parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    rect = firstRect();
  }
  if (!rect) return { error: `text ${JSON.stringify(text)} is not rendered (no client rects)` };
  return {
    x: rect.left + rect.width / 2,
    y: rect.top + rect.height / 2,
    rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
    inView: !!inView(rect),
  };
}

/**
 * Viewport coordinates of the centre of the first line box of `text` (scrolls it into view).
 * @param {any} page playwright or puppeteer Page
 * @param {string} text
 * @param {{nth?: number, within?: string, scroll?: boolean}} [options]
 */
export async function textPoint(page, text, { nth = 0, within, scroll = true } = {}) {
  const res = await page.evaluate(locateTextInPage, { text, nth, within: within ?? null, scroll });
  if (res.error) throw new Error(`textPoint: ${res.error}`);
  return res;
}

/**
 * Move the mouse onto `text` as the reader would. Returns the point used.
 * @param {any} page playwright or puppeteer Page
 * @param {string} text
 * @param {{nth?: number, within?: string}} [options]
 */
export async function hoverText(page, text, options = {}) {
  const p = await textPoint(page, text, options);
  // Two moves so that a pointermove is dispatched even if the pointer was already there.
  await page.mouse.move(Math.max(0, p.x - 2), p.y);
  await page.mouse.move(p.x, p.y);
  return p;
}

/** Move the pointer to a point with no text and away from the card (top-left corner by default). */
export async function moveMouseAway(page, { x = 2, y = 2 } = {}) {
  await page.mouse.move(x + 1, y + 1);
  await page.mouse.move(x, y);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A few frames, and then some on a loaded machine: how long after the scan the marks near the view take to be painted. */
const MARKS_SETTLE_MS = 150;

/** Poll `fn` in the page (via evaluate) until it returns a truthy value. */
export async function pollPage(page, fn, arg, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg ?? null);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`);
    await sleep(interval);
  }
}

/**
 * Wait until the content script has finished its first scan of the page. The content script
 * reports the number of mentions it marked on its host element (`context-cards-host[data-mentions]`);
 * `html[data-context-cards]` is accepted as well. The marks near the view are painted a few frames
 * after that (the browser tells which are near once it has laid them out): that is waited for too.
 * @returns {Promise<number>} the number of mentions marked
 */
export async function waitForScan(page, { timeout = 15_000 } = {}) {
  const v = await pollPage(
    page,
    () => document.querySelector('context-cards-host')?.dataset.mentions ?? document.documentElement.dataset.contextCards ?? null,
    null,
    { timeout, message: 'the extension to scan the page (context-cards-host[data-mentions])' },
  );
  // (Waited for here, not in the page: a frame sandboxed without scripts runs no page timer or frame callback.)
  await sleep(MARKS_SETTLE_MS);
  return Number(v);
}

/** Runs in the page: the card dialog's state, or null when there is none. */
function readCardInPage() {
  const host = document.querySelector('context-cards-host');
  const root = host?.shadowRoot;
  const dialog = root?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  let name = dialog.getAttribute('aria-label');
  const labelledBy = dialog.getAttribute('aria-labelledby');
  if (!name && labelledBy) {
    name = labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
  }
  const r = dialog.getBoundingClientRect();
  // Not transparent-means-hidden: a card fades in from opacity 0, and a test that asked in that first
  // frame would take an opening card for a closed one.
  const visible = r.width > 0 && r.height > 0 && (typeof dialog.checkVisibility === 'function' ? dialog.checkVisibility({ checkVisibilityCSS: true }) : true);
  return {
    name: name ?? '',
    text: dialog.innerText,
    visible,
    rect: { left: r.left, top: r.top, width: r.width, height: r.height },
    hostParent: host.parentElement?.tagName ?? null,
  };
}

/** The card's state now: {name, text, visible, rect} or null. */
export async function readCard(page) {
  return page.evaluate(readCardInPage);
}

/** Wait for a visible card (optionally with this accessible name). */
export async function waitForCard(page, { name, timeout = 5_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const card = await readCard(page);
    if (card?.visible && (name == null || card.name === name)) return card;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for the card${name ? ` "${name}"` : ''} to open; card now: ${JSON.stringify(card)}`);
    }
    await sleep(50);
  }
}

/** Wait until no card is visible. */
export async function waitForNoCard(page, { timeout = 5_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const card = await readCard(page);
    if (!card || !card.visible) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for the card to close; card: ${JSON.stringify(card)}`);
    await sleep(50);
  }
}

/** Resolve to true if a card becomes visible within `ms`, else false. */
export async function cardAppearsWithin(page, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const card = await readCard(page);
    if (card?.visible) return true;
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

/** Viewport box of the first element matching `selector`, scrolled into view. */
export async function elementBox(page, selector) {
  const box = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r0 = el.getBoundingClientRect();
    if (r0.top < 0 || r0.bottom > innerHeight) el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, selector);
  if (!box) throw new Error(`elementBox: no element matches ${JSON.stringify(selector)}`);
  return box;
}
