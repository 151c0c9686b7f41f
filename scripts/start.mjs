#!/usr/bin/env node
// `npm start`: serve the demo page and open it in a browser with the built extension loaded.
//
//   node scripts/start.mjs [--firefox | --chromium] [--headless]
//
// With a display (DISPLAY or WAYLAND_DISPLAY) and no --headless: opens a normal browser window
// and runs until the window is closed.
// Otherwise (headless): waits for the scan, hovers the first figure in reading order, waits for
// the card, saves a viewport screenshot to ./demo.png, prints the card's name and text, exits 0.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { serveDir } from './serve.mjs';
import { findBrowser, launchChromium, launchFirefox } from './browsers.mjs';
import { hoverText, waitForScan, waitForCard, readCard, moveMouseAway } from './page-helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = path.join(ROOT, 'assets', 'demo');
const WATCHDOG_MS = 120_000;

// Figure names of the demo page, used when the marked ranges cannot be read from the page.
// The first one found in reading order is hovered.
const DEMO_NAMES = [
  'Zabihullah Mujahid',
  'Leo Timm',
  'Wang Yi',
  'Abdul Ghani Baradar',
  'Wu Jianghao',
  'Abdul Salam Hanafi',
  'Sean Roberts',
  'Osama bin Laden',
  'Yuan Hongbing',
  'Meng Hongwei',
  'Hua Chunying',
  'Venus Upadhayaya',
];

function usage() {
  return [
    'Usage: node scripts/start.mjs [--chromium | --firefox] [--headless]',
    '',
    '  --chromium   use Chromium (default)',
    '  --firefox    use Firefox',
    '  --headless   no window: hover the first figure, save demo.png, print the card and exit',
    '',
    'Without a display (no DISPLAY / WAYLAND_DISPLAY) the headless mode is used.',
  ].join('\n');
}

function parseArgs(argv) {
  const opts = { kind: 'chromium', headless: false };
  for (const a of argv) {
    if (a === '--firefox') opts.kind = 'firefox';
    else if (a === '--chromium' || a === '--chrome') opts.kind = 'chromium';
    else if (a === '--headless') opts.headless = true;
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else {
      console.error(`Unknown option: ${a}\n\n${usage()}`);
      process.exit(2);
    }
  }
  return opts;
}

/** Runs in the page: the text of the first highlighted range in document order, if readable. */
function firstHighlightedText() {
  try {
    if (!globalThis.CSS?.highlights) return null;
    const ranges = [];
    for (const [, highlight] of CSS.highlights) for (const r of highlight) ranges.push(r);
    const live = ranges.filter((r) => r instanceof Range && !r.collapsed && r.startContainer.isConnected);
    if (!live.length) return null;
    live.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return live[0].toString().replace(/\s+/g, ' ').trim() || null;
  } catch {
    return null;
  }
}

/** Runs in the page: the reading-order index of each name (first occurrence), or -1. */
function readingOrder(names) {
  const text = (document.body.innerText || document.body.textContent || '').replace(/\s+/g, ' ');
  return names.map((n) => text.indexOf(n));
}

async function candidatesInReadingOrder(page) {
  const first = await page.evaluate(firstHighlightedText).catch(() => null);
  const idx = await page.evaluate(readingOrder, DEMO_NAMES);
  const ordered = DEMO_NAMES.map((n, i) => [n, idx[i]])
    .filter(([, i]) => i >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([n]) => n);
  return first ? [first, ...ordered.filter((n) => n !== first)] : ordered;
}

async function runHeadless(page, kind) {
  const marked = await waitForScan(page, { timeout: 20_000 });
  if (!(marked > 0)) throw new Error(`The extension scanned the demo page but marked no mentions (data-context-cards="${marked}").`);

  const candidates = await candidatesInReadingOrder(page);
  const tried = [];
  for (const name of candidates.slice(0, 4)) {
    tried.push(name);
    await moveMouseAway(page);
    await hoverText(page, name);
    let card;
    try {
      card = await waitForCard(page, { timeout: 4_000 });
    } catch {
      continue; // not marked (or not a figure): try the next name in reading order
    }
    // Let the card finish positioning before taking the picture.
    await new Promise((r) => setTimeout(r, 250));
    card = (await readCard(page)) ?? card;
    const out = path.resolve(process.cwd(), 'demo.png');
    await page.screenshot({ path: out });
    console.log(`Browser: ${kind}`);
    console.log(`Mentions marked: ${marked}`);
    console.log(`Hovered: ${name}`);
    console.log(`Card: ${card.name}`);
    console.log('--- card text ---');
    console.log(card.text.trim());
    console.log('---');
    console.log(`Screenshot: ${out}`);
    return;
  }
  throw new Error(`No card opened after hovering ${tried.map((n) => JSON.stringify(n)).join(', ')} (${marked} mentions marked).`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  try {
    findBrowser(opts.kind);
  } catch (err) {
    console.error(err.message);
    return 1;
  }
  const extensionDir = path.join(ROOT, 'dist', opts.kind === 'firefox' ? 'firefox' : 'chrome');
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`The extension is not built (${path.relative(process.cwd(), extensionDir) || extensionDir}/manifest.json missing). Run: node build.mjs`);
    return 1;
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = opts.headless || !hasDisplay;

  let server;
  let session;
  const cleanup = async () => {
    await session?.close().catch(() => {});
    await server?.close().catch(() => {});
  };
  const watchdog = headless
    ? setTimeout(() => {
        console.error(`start: gave up after ${WATCHDOG_MS / 1000} s`);
        cleanup().finally(() => process.exit(1));
      }, WATCHDOG_MS)
    : null;
  const onSignal = () => cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  try {
    server = await serveDir(DEMO_DIR);
    const url = server.url;
    try {
      session =
        opts.kind === 'firefox'
          ? await launchFirefox({ extensionDir, headless, handleSignals: false, firstRun: headless ? 'close' : 'keep' })
          : await launchChromium({ extensionDir, headless, handleSignals: false, firstRun: headless ? 'close' : 'keep' });
    } catch (err) {
      if (!headless) err.message += '\nCould not open a browser window on this display; try: node scripts/start.mjs --headless';
      throw err;
    }
    const { page } = session;
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // With a display the first-run tab stays open beside the demo page, which comes to the front.
    await page.bringToFront();

    if (!headless) {
      console.log(`Demo page: ${url}`);
      console.log(`Context Cards is loaded in ${opts.kind}. Hover a name. Close the browser window to stop.`);
      await new Promise((resolve) => {
        if (opts.kind === 'firefox') session.browser.once('disconnected', resolve);
        else session.context.once('close', resolve);
      });
      await cleanup();
      return 0;
    }

    await runHeadless(page, opts.kind);
    await cleanup();
    return 0;
  } catch (err) {
    console.error(`start: ${err?.message ?? err}`);
    await cleanup();
    return 1;
  } finally {
    if (watchdog) clearTimeout(watchdog);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`start: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
