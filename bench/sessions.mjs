// Real browsers for the bench's outside view: Chromium or Firefox, with the built extension or
// without it (the same launcher, switches and profile setup either way, so that the two differ only
// by the extension), each page opened with the frame recorder of bench/in-page.mjs; and a loopback
// server for the generated pages, so nothing the bench loads leaves the machine.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, launchFirefox, setFirefoxViewport } from '../scripts/browsers.mjs';
import { serveDir } from '../scripts/serve.mjs';
import { recordFrames } from './in-page.mjs';

const VIEWPORT = { width: 1280, height: 800 };

/**
 * @param {'chromium' | 'firefox'} kind
 * @param {string | null} extensionDir the built extension (dist/chrome, dist/firefox) or null for none
 */
export async function openSession(kind, extensionDir) {
  const withExtension = extensionDir != null;
  if (kind === 'chromium') {
    const s = await launchChromium(withExtension ? { extensionDir } : {});
    await s.context.addInitScript(recordFrames);
    return {
      kind,
      withExtension,
      newPage: () => s.context.newPage(),
      cdp: (page) => s.context.newCDPSession(page),
      close: s.close,
    };
  }
  const s = await launchFirefox(withExtension ? { extensionDir } : {});
  return {
    kind,
    withExtension,
    newPage: async () => {
      const page = await s.browser.newPage();
      await page.evaluateOnNewDocument(recordFrames);
      await setFirefoxViewport(page, VIEWPORT);
      return page;
    },
    cdp: null,
    close: s.close,
  };
}

/** Serves `pages` (pathname → HTML, made on request) on 127.0.0.1: `{ url(pathname), close() }`. */
export async function servePages(pages) {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'context-cards-bench-site-'));
  const routes = Object.fromEntries(Object.entries(pages).map(([p, html]) => [p, () => ({ type: 'text/html; charset=utf-8', body: html() })]));
  const srv = await serveDir(empty, { routes });
  return {
    url: (pathname) => new URL(pathname, srv.url).href,
    close: async () => {
      await srv.close();
      await rm(empty, { recursive: true, force: true });
    },
  };
}

/** The floor: a copy of the built extension `dist` whose content script does nothing. `{ dir, remove() }`. */
export async function floorExtension(dist) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'context-cards-bench-floor-'));
  await cp(dist, dir, { recursive: true });
  await writeFile(path.join(dir, 'content.js'), 'void 0;\n');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
