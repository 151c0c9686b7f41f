// @vitest-environment node
// The no-network audit must fail when the extension does make a request. Each browser loads a copy
// of the built extension with one `fetch` added to its background and one to its content script,
// and the audit the real tests use (network-audit.ts) must name both, by context in Chromium and
// through the silenced profile's proxy in Firefox. The requests go to a reserved .invalid host
// through the local proxy sink, so nothing leaves the machine.
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME_DIST,
  FIREFOX_DIST,
  HOOK_TIMEOUT,
  firefoxProxyPrefs,
  launchChromium,
  launchFirefox,
  sleep,
  startFixtureServer,
  startProxySink,
  waitForScan,
  type FixtureServer,
  type ProxySink,
} from './helpers';
import { judgeRequests, recordChromiumRequests, recordFirefoxPageRequests, type NetworkVerdict } from './network-audit';
import { closeChromiumFirstRun } from '../../scripts/first-run.mjs';

const LEAK = 'http://leak.context-cards.invalid';
const PAGE_PATHS = ['/basic.html', '/style.css'];

let tmp = '';
let fixture: FixtureServer;

/** A copy of a built extension whose background and content script each make one request. */
async function leakyCopy(dist: string, name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(dist, dir, { recursive: true });
  // The background leaks when a page reports its figures, the moment an extension that sent page
  // data away would: after the test has started recording, whenever the worker itself started.
  await appendFile(
    path.join(dir, 'background.js'),
    `\nchrome.runtime.onMessage.addListener(() => { fetch(${JSON.stringify(`${LEAK}/from-background`)}).catch(() => {}); });\n`,
  );
  await appendFile(path.join(dir, 'content.js'), `\nfetch(${JSON.stringify(`${LEAK}/from-content-script`)}).catch(() => {});\n`);
  return dir;
}

/** Judges again until both leaks are in the verdict or the time is up (requests are asynchronous). */
async function verdictWithBothLeaks(judge: () => NetworkVerdict): Promise<NetworkVerdict> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const verdict = judge();
    const both = ['from-background', 'from-content-script'].every((leak) => verdict.leaks.some((l) => l.includes(leak)));
    if (both || Date.now() > deadline) return verdict;
    await sleep(100);
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'context-cards-leaky-'));
  fixture = await startFixtureServer();
}, HOOK_TIMEOUT);

afterAll(async () => {
  await fixture?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}, HOOK_TIMEOUT);

describe('the no-network audit catches a request', () => {
  it('in Chromium, from the service worker and from the content script, each named by its context', { timeout: 60_000 }, async () => {
    const sink: ProxySink = await startProxySink();
    const session = await launchChromium({
      extensionDir: await leakyCopy(CHROME_DIST, 'chrome'),
      proxy: { server: sink.server, bypass: '127.0.0.1,localhost' },
      // Back as soon as the service worker runs, before its fetch: see chromium.test.ts.
      firstRun: 'keep',
    });
    try {
      const seen = recordChromiumRequests(session.context, session.extensionId!);
      await closeChromiumFirstRun(session.context, session.page);
      await session.page.goto(fixture.url + 'basic.html');
      await waitForScan(session.page);
      const verdict = await verdictWithBothLeaks(() =>
        judgeRequests({ browser: 'chromium', seen, sink, fixture, pagePaths: PAGE_PATHS, extensionOrigin: `chrome-extension://${session.extensionId}/` }),
      );
      expect(verdict.leaks).toEqual(expect.arrayContaining([`service worker: ${LEAK}/from-background`, `page: ${LEAK}/from-content-script`]));
    } finally {
      await session.close();
      await sink.close();
    }
  });

  it('in Firefox, from the background page and from the content script, through the proxy', { timeout: 60_000 }, async () => {
    const sink: ProxySink = await startProxySink();
    const session = await launchFirefox({ extensionDir: await leakyCopy(FIREFOX_DIST, 'firefox'), prefs: firefoxProxyPrefs(sink.port) });
    try {
      const seen = recordFirefoxPageRequests(session.page);
      await session.page.goto(fixture.url + 'basic.html');
      await waitForScan(session.page);
      const verdict = await verdictWithBothLeaks(() => judgeRequests({ browser: 'firefox', seen, sink, fixture, pagePaths: PAGE_PATHS }));
      expect(verdict.leaks).toEqual(expect.arrayContaining([`proxy: GET ${LEAK}/from-background`, `proxy: GET ${LEAK}/from-content-script`]));
    } finally {
      await session.close();
      await sink.close();
    }
  });
});
