#!/usr/bin/env node
// `npm run screenshots`: pictures of the real, built extension for the README.
//
//   node scripts/screenshots.mjs [--out DIR]
//
// Loads dist/chrome in headless Chromium, opens the demo page, hovers a name and captures the
// card in the light and the dark colour scheme, the card pinned in a 320 × 256 viewport (a
// 1280 × 1024 window at 400 % zoom), then the toolbar popup (opened as a page about the demo
// tab), the options page and the first-run page; then, in a second Chromium with its interface in
// Simplified Chinese (--lang=zh-CN), the popup again. Writes card-light.png, card-dark.png,
// card-zoom-400.png, popup.png, options.png, first-run.png and popup-zh_CN.png to
// docs/screenshots/ (or DIR) and prints each file it wrote.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { serveDir } from './serve.mjs';
import { launchChromium } from './browsers.mjs';
import { hoverText, moveMouseAway, pollPage, readCard, textPoint, waitForCard, waitForNoCard, waitForScan } from './page-helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = path.join(ROOT, 'assets', 'demo');
const EXTENSION_DIR = path.join(ROOT, 'dist', 'chrome');
const WATCHDOG_MS = 90_000;

/** The name hovered on the demo page, and the card it must open. */
const FIGURE = { text: 'Wang Yi', card: 'Wang Yi' };
/** Where the name is scrolled to, from the top of the viewport: room for the card below it. */
const NAME_TOP = 96;
/** Space kept around the name and its card in the card pictures, in CSS pixels. */
const MARGIN = 24;
/** Chromium's toolbar popups are at most 800 × 600; ours is 22rem wide. */
const POPUP_VIEWPORT = { width: 360, height: 560 };
const OPTIONS_VIEWPORT = { width: 760, height: 800 };
/** A 1280 × 1024 window at 400 % zoom, in CSS pixels (WCAG 1.4.10's reflow size). */
const ZOOM_400_VIEWPORT = { width: 320, height: 256 };

function usage() {
  return 'Usage: node scripts/screenshots.mjs [--out DIR]   (default DIR: docs/screenshots)';
}

function parseArgs(argv) {
  let out = path.join(ROOT, 'docs', 'screenshots');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' && argv[i + 1]) out = path.resolve(argv[++i]);
    else if (a.startsWith('--out=')) out = path.resolve(a.slice('--out='.length));
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else {
      console.error(`Unknown option: ${a}\n${usage()}`);
      process.exit(2);
    }
  }
  return { out };
}

/** The smallest rectangle holding every given one, grown by `margin` and kept inside the viewport. */
function clipAround(rects, margin, viewport) {
  const left = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.left)) - margin));
  const top = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.top)) - margin));
  const right = Math.min(viewport.width, Math.ceil(Math.max(...rects.map((r) => r.left + r.width)) + margin));
  const bottom = Math.min(viewport.height, Math.ceil(Math.max(...rects.map((r) => r.top + r.height)) + margin));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Hovers the figure's name, waits for its card to settle and captures the name and the card. */
async function captureCard(page, file) {
  await moveMouseAway(page);
  await waitForNoCard(page);
  const first = await textPoint(page, FIGURE.text);
  await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), first.rect.top - NAME_TOP);
  const name = await textPoint(page, FIGURE.text, { scroll: false });
  await hoverText(page, FIGURE.text);
  let card;
  try {
    card = await waitForCard(page, { name: FIGURE.card, timeout: 5_000 });
  } catch {
    const open = await readCard(page);
    throw new Error(
      `The card "${FIGURE.card}" did not open within 5 s of hovering "${FIGURE.text}" on the demo page ` +
        `(${open ? `open instead: "${open.name}", visible: ${open.visible}` : 'no card at all'}). ` +
        'Is dist/chrome built from the current sources (node build.mjs)?',
    );
  }
  // Placement runs after the card is shown: take the picture once its box stops moving.
  let rect = card.rect;
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const now = (await waitForCard(page, { name: FIGURE.card })).rect;
    const still = ['left', 'top', 'width', 'height'].every((k) => Math.abs(now[k] - rect[k]) < 0.5);
    rect = now;
    if (still && i >= 2) break;
  }
  const viewport = page.viewportSize();
  await page.screenshot({ path: file, clip: clipAround([name.rect, rect], MARGIN, viewport) });
}

/** The id of the active tab, asked from the extension's service worker (the popup needs it). */
async function activeTabId(serviceWorker) {
  const ids = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.id));
  if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`Expected one active tab, found ${JSON.stringify(ids)}`);
  return ids[0];
}

async function capturePopup(session, tabId, file) {
  const popup = await session.context.newPage();
  try {
    await popup.setViewportSize(POPUP_VIEWPORT);
    // The switches slide into place once the settings load: no motion, no half-moved knob.
    await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    // Frames report their figures one by one: wait until the list stops growing.
    await pollPage(
      popup,
      async () => {
        const count = () => document.querySelectorAll('[data-figure]').length;
        const before = count();
        await new Promise((r) => setTimeout(r, 300));
        return before > 0 && count() === before ? before : null;
      },
      null,
      { timeout: 10_000, message: 'the popup to list the figures of the demo page' },
    );
    // A real popup is as tall as its content, up to the browser's limit.
    const height = await popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await popup.screenshot({ path: file, clip: { x: 0, y: 0, width: POPUP_VIEWPORT.width, height: Math.min(height, POPUP_VIEWPORT.height) } });
  } finally {
    await popup.close();
  }
}

/** Captures the column of an extension page (its <main>), once `ready` (a selector) is there. */
async function capturePageColumn(session, pagePath, ready, file) {
  const tab = await session.context.newPage();
  try {
    await tab.setViewportSize(OPTIONS_VIEWPORT);
    await tab.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await tab.goto(`chrome-extension://${session.extensionId}/${pagePath}`);
    await pollPage(tab, (selector) => document.querySelector(selector) !== null || null, ready, { message: `${pagePath} to render` });
    // The page's column only, not the empty margins of a wide tab.
    const box = await tab.evaluate(() => {
      const main = document.querySelector('main')?.getBoundingClientRect();
      return main ? { x: main.left, y: main.top, width: main.width, bottom: main.bottom } : null;
    });
    if (!box) throw new Error(`${pagePath} rendered no <main>`);
    // Tall enough that the clip is inside the viewport: no scrolling, no full-page stitching.
    const bottom = Math.ceil(box.bottom);
    await tab.setViewportSize({ width: OPTIONS_VIEWPORT.width, height: Math.max(OPTIONS_VIEWPORT.height, bottom) });
    await tab.screenshot({ path: file, clip: { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: bottom - Math.floor(box.y) } });
  } finally {
    await tab.close();
  }
}

/** The figure's card, pinned, in a 320 × 256 viewport: what a reader at 400 % zoom sees. */
async function captureZoomedCard(page, file) {
  const before = page.viewportSize();
  await page.setViewportSize(ZOOM_400_VIEWPORT);
  try {
    await moveMouseAway(page);
    await waitForNoCard(page);
    const name = await textPoint(page, FIGURE.text);
    await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), name.rect.top - ZOOM_400_VIEWPORT.height / 3);
    const point = await hoverText(page, FIGURE.text);
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, { name: FIGURE.card, timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 300)); // placement settles after the card shows
    await page.screenshot({ path: file });
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  } finally {
    await page.setViewportSize(before);
  }
}

/** The popup's cast view with a search typed, and the lookup page's differences view. */
async function captureLookUp(session, file) {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.getByRole('button', { name: /figures of the story/ }).click();
    await page.locator('#cast-search').fill('Bara');
    await pollPage(page, () => document.querySelectorAll('button.figure').length === 1 || null, null, { message: 'the search to find Baradar' });
    await page.screenshot({ path: file('cast-search.png') });
    await page.setViewportSize({ width: 720, height: 900 });
    await page.goto(`chrome-extension://${session.extensionId}/lookup.html#differences`);
    await page.locator('.check-item').first().waitFor();
    await page.screenshot({ path: file('differences.png') });
  } finally {
    await page.close();
  }
}

/** Without a CJK font, Chinese names in the card come out as empty boxes. Linux only (fontconfig). */
async function warnWithoutCjkFont() {
  const list = await new Promise((resolve) => execFile('fc-list', [':lang=zh'], (err, stdout) => resolve(err ? null : stdout)));
  if (list !== null && list.trim() === '') {
    console.warn('screenshots: no Chinese font installed; the card will show boxes for Chinese names (sudo apt-get install fonts-noto-cjk)');
  }
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  let server;
  let session;
  const cleanup = async () => {
    await session?.close().catch(() => {});
    await server?.close().catch(() => {});
  };
  const watchdog = setTimeout(() => {
    console.error(`screenshots: gave up after ${WATCHDOG_MS / 1000} s`);
    cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  const onSignal = () => cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await warnWithoutCjkFont();
    await fs.mkdir(out, { recursive: true });
    server = await serveDir(DEMO_DIR);
    session = await launchChromium({ extensionDir: EXTENSION_DIR, headless: true, handleSignals: false });
    const { page } = session;
    // No entrance animation: the picture shows the card as it rests.
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(server.url, { waitUntil: 'load', timeout: 30_000 });
    const marked = await waitForScan(page, { timeout: 20_000 });
    if (!(marked > 0)) throw new Error('The extension scanned the demo page but marked no names.');

    const written = [];
    const file = (name) => {
      const p = path.join(out, name);
      written.push(p);
      return p;
    };
    await captureCard(page, file('card-light.png'));
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await captureCard(page, file('card-dark.png'));
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await captureZoomedCard(page, file('card-zoom-400.png'));
    await moveMouseAway(page);

    // The demo tab is still the only tab, so it is the active one.
    const tabId = await activeTabId(session.serviceWorker);
    await capturePopup(session, tabId, file('popup.png'));
    await capturePageColumn(session, 'options.html', 'form #dwell', file('options.png'));
    await capturePageColumn(session, 'welcome.html', 'h1', file('first-run.png'));
    await captureLookUp(session, file);
    await session.close();

    // The popup of a browser whose interface is Simplified Chinese.
    session = await launchChromium({ extensionDir: EXTENSION_DIR, headless: true, handleSignals: false, args: ['--lang=zh-CN'] });
    await session.page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await session.page.goto(server.url, { waitUntil: 'load', timeout: 30_000 });
    await waitForScan(session.page, { timeout: 20_000 });
    await capturePopup(session, await activeTabId(session.serviceWorker), file('popup-zh_CN.png'));

    for (const p of written) {
      const { size } = await fs.stat(p);
      console.log(`wrote ${path.relative(process.cwd(), p) || p} (${Math.round(size / 1024)} KB)`);
    }
    console.log(`screenshots: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (err) {
    console.error(`screenshots: ${err?.message ?? err}`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`screenshots: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
