// Find and launch a real browser with the unpacked extension loaded.
// Chromium: playwright-core persistent context (--load-extension).
// Firefox: puppeteer-core over WebDriver BiDi (temporary add-on install).
// See /work/shared/reference/browser-e2e-recipe.md for why each option is here.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { closeChromiumFirstRun, closeFirefoxFirstRun } from './first-run.mjs';

const CANDIDATES = {
  chromium: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  firefox: ['firefox-esr', 'firefox'],
};
const ENV_OVERRIDE = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };
const HOW_TO_INSTALL = {
  chromium: 'Chromium not found. Install it: sudo apt-get install chromium (Debian/Ubuntu), ' + 'or set CHROMIUM_PATH=/path/to/chrome',
  firefox: 'Firefox not found. Install it: sudo apt-get install firefox-esr (Debian/Ubuntu), ' + 'or set FIREFOX_PATH=/path/to/firefox',
};

/**
 * Chromium's own background traffic switched off as far as switches allow (updates, sign-in,
 * autofill, network time, field trials, safe browsing, pings). Some still leaks on some builds,
 * which is why the no-network test judges requests by the context that made them, not by host.
 */
const CHROMIUM_QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-sync',
  '--disable-field-trial-config',
  '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying',
  '--safebrowsing-disable-auto-update',
  '--no-pings',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-default-browser-check',
  // Sign-in and Google API endpoints pointed at a closed loopback port.
  '--gaia-url=http://127.0.0.1:9/',
  '--google-apis-url=http://127.0.0.1:9/',
  '--lso-url=http://127.0.0.1:9/',
];

/**
 * Firefox's own background traffic switched off: remote settings (whose server can be overridden
 * only with MOZ_REMOTE_SETTINGS_DEVTOOLS in the environment), blocklist, captive-portal and
 * connectivity checks, push, region, telemetry, updates, safe-browsing lists, plugin updates and
 * speculative connections. With these, Firefox ESR 140 and 153 send nothing at all, so the
 * no-network test can fail on any request that leaves the machine.
 */
const FIREFOX_QUIET_PREFS = {
  'services.settings.server': 'data:,#remote-settings-off',
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'dom.push.connection.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'media.gmp-manager.url': '',
  'browser.topsites.contile.enabled': false,
  'browser.ping-centre.telemetry': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
};

const LAUNCH_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 15_000;
const VIEWPORT = { width: 1280, height: 800 };

function isExecutable(file) {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/**
 * Path of a browser executable.
 * @param {'chromium' | 'firefox'} kind
 * @returns {string}
 * @throws {Error} with install instructions when none is found.
 */
export function findBrowser(kind) {
  const candidates = CANDIDATES[kind];
  if (!candidates) throw new Error(`findBrowser: unknown browser kind ${JSON.stringify(kind)} (use 'chromium' or 'firefox')`);
  const envName = ENV_OVERRIDE[kind];
  const override = process.env[envName];
  if (override) {
    if (isExecutable(override)) return override;
    const found = onPath(override);
    if (found) return found;
    throw new Error(`${envName}=${override} is not an executable file. ${HOW_TO_INSTALL[kind]}`);
  }
  for (const name of candidates) {
    const found = onPath(name);
    if (found) return found;
  }
  throw new Error(HOW_TO_INSTALL[kind]);
}

async function makeTempRoot(prefix) {
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  const profile = path.join(root, 'profile');
  const home = path.join(root, 'home');
  await fsp.mkdir(profile);
  await fsp.mkdir(home);
  return { root, profile, home };
}

/**
 * If the process exits without close() (for example Playwright's or Puppeteer's own SIGINT handler
 * kills the browser and calls process.exit), still remove the temp dir. Returns an unregister function.
 */
function removeOnExit(dir) {
  const hook = () => {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {}
  };
  process.once('exit', hook);
  return () => process.off('exit', hook);
}

async function removeDir(dir) {
  // Browsers may still be flushing files for a moment after exit.
  await fsp.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      timer.unref?.();
    }),
  ]);
}

/** Playwright appends a long "Call log:" with the full command line; keep the part before it. */
function shortMessage(err) {
  const msg = String(err?.message ?? err);
  const cut = msg.indexOf('\nCall log:');
  return (cut >= 0 ? msg.slice(0, cut) : msg).trim();
}

function checkExtensionDir(extensionDir) {
  if (!extensionDir) return null;
  const dir = path.resolve(extensionDir);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No extension at ${dir} (manifest.json missing). Run: node build.mjs`);
  }
  return dir;
}

/**
 * Launch Chromium (playwright-core) with the unpacked extension.
 * @param {{extensionDir?: string, headless?: boolean, proxy?: {server: string, bypass?: string}, args?: string[],
 *   handleSignals?: boolean, firstRun?: 'close' | 'keep'}} [options] handleSignals: let Playwright kill the browser on
 *   SIGINT/SIGTERM/SIGHUP (default true; pass false when the caller handles signals and calls close()). firstRun:
 *   close the extension's first-run tab (the default) or keep it.
 * @returns {Promise<{context: import('playwright-core').BrowserContext, page: import('playwright-core').Page,
 *   serviceWorker: import('playwright-core').Worker | null, extensionId: string | null, executablePath: string,
 *   close(): Promise<void>}>}
 */
export async function launchChromium({ extensionDir, headless = true, proxy, args = [], handleSignals = true, firstRun = 'close' } = {}) {
  const executablePath = findBrowser('chromium');
  const ext = checkExtensionDir(extensionDir);
  const { chromium } = await import('playwright-core');
  const tmp = await makeTempRoot('context-cards-chromium-');
  const unregister = removeOnExit(tmp.root);

  let context;
  try {
    context = await chromium.launchPersistentContext(tmp.profile, {
      executablePath,
      headless,
      timeout: LAUNCH_TIMEOUT_MS,
      args: [...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []), '--disable-gpu', ...CHROMIUM_QUIET, ...args],
      ignoreDefaultArgs: ['--disable-extensions'],
      env: { ...process.env, HOME: tmp.home },
      viewport: headless ? VIEWPORT : null,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      ...(proxy ? { proxy } : {}),
    });
  } catch (err) {
    unregister();
    await removeDir(tmp.root);
    throw new Error(`Could not launch Chromium (${executablePath}): ${shortMessage(err)}`);
  }

  let closing = null;
  const close = () =>
    (closing ??= (async () => {
      try {
        await withTimeout(context.close(), CLOSE_TIMEOUT_MS, 'Closing Chromium');
      } catch {
        // Last resort: kill the browser process tree.
        try {
          context.browser()?.process?.()?.kill('SIGKILL');
        } catch {}
      } finally {
        await removeDir(tmp.root);
        unregister();
      }
    })());

  try {
    let serviceWorker = null;
    let extensionId = null;
    if (ext) {
      const isExtWorker = (w) => w.url().startsWith('chrome-extension://');
      serviceWorker =
        context.serviceWorkers().find(isExtWorker) ??
        (await context.waitForEvent('serviceworker', { predicate: isExtWorker, timeout: 20_000 }).catch(() => {
          throw new Error(
            `The extension's service worker did not start within 20 s (extension: ${ext}). ` +
              'Is dist/chrome/manifest.json a valid MV3 manifest with background.service_worker?',
          );
        }));
      extensionId = new URL(serviceWorker.url()).host;
    }
    const page = context.pages()[0] ?? (await context.newPage());
    if (ext && firstRun === 'close') await closeChromiumFirstRun(context, page);
    return { context, page, serviceWorker, extensionId, executablePath, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Sizes a Firefox page's viewport. Puppeteer sends `browsingContext.setViewport` together with
 * `emulation.setScreenOrientationOverride`, which Firefox ESR 140's WebDriver BiDi does not know;
 * the viewport command still applies, so that one refusal is waited out and ignored.
 * @param {import('puppeteer-core').Page} page
 * @param {{width: number, height: number}} size
 */
export async function setFirefoxViewport(page, size) {
  try {
    await page.setViewport(size);
  } catch (err) {
    if (!String(err?.message).includes('setScreenOrientationOverride')) throw err;
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const inner = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
      if (inner[0] === size.width && inner[1] === size.height) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`Firefox did not resize its viewport to ${size.width}×${size.height}`);
  }
}

/**
 * Launch Firefox (puppeteer-core, WebDriver BiDi) and install the extension as a temporary add-on.
 * @param {{extensionDir?: string, headless?: boolean, prefs?: Record<string, unknown>, handleSignals?: boolean,
 *   firstRun?: 'close' | 'keep'}} [options] handleSignals: let Puppeteer kill the browser on SIGINT/SIGTERM/SIGHUP
 *   (default true). firstRun: close the extension's first-run tab (the default) or keep it.
 * @returns {Promise<{browser: import('puppeteer-core').Browser, page: import('puppeteer-core').Page,
 *   extensionId: string | null, executablePath: string, close(): Promise<void>}>}
 */
export async function launchFirefox({ extensionDir, headless = true, prefs = {}, handleSignals = true, firstRun = 'close' } = {}) {
  const executablePath = findBrowser('firefox');
  const ext = checkExtensionDir(extensionDir);
  const puppeteer = (await import('puppeteer-core')).default;
  const tmp = await makeTempRoot('context-cards-firefox-');
  const unregister = removeOnExit(tmp.root);

  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      protocol: 'webDriverBiDi',
      userDataDir: tmp.profile,
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: LAUNCH_TIMEOUT_MS,
      // Set per page by setFirefoxViewport: Puppeteer's own call fails on Firefox ESR 140.
      defaultViewport: null,
      extraPrefsFirefox: {
        // MV3 host permissions are origin controls in Firefox: grant them at (temporary) install.
        'extensions.originControls.grantByDefault': true,
        ...FIREFOX_QUIET_PREFS,
        ...prefs,
      },
      env: { ...process.env, HOME: tmp.home, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
    });
  } catch (err) {
    unregister();
    await removeDir(tmp.root);
    throw new Error(`Could not launch Firefox (${executablePath}): ${shortMessage(err)}`);
  }

  let closing = null;
  const close = () =>
    (closing ??= (async () => {
      try {
        await withTimeout(browser.close(), CLOSE_TIMEOUT_MS, 'Closing Firefox');
      } catch {
        try {
          browser.process()?.kill('SIGKILL');
        } catch {}
      } finally {
        await removeDir(tmp.root);
        unregister();
      }
    })());

  try {
    const extensionId = ext ? await withTimeout(browser.installExtension(ext), 30_000, 'Installing the extension') : null;
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    if (ext && firstRun === 'close') await closeFirefoxFirstRun(browser, page);
    // defaultViewport is not applied to the initial tab over BiDi; set it explicitly.
    if (headless) await setFirefoxViewport(page, VIEWPORT);
    return { browser, page, extensionId, executablePath, close };
  } catch (err) {
    await close();
    throw err;
  }
}
