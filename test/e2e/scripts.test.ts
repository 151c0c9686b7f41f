// @vitest-environment node
// The helper scripts: static server, browser lookup, and `npm start` in its headless mode.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/serve.mjs';
import { findBrowser } from '../../scripts/browsers.mjs';
import { CHROME_DIST, ROOT } from './helpers';

const run = promisify(execFile);

/** Raw GET (no URL normalisation by the client, so "/../" reaches the server as is). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scripts/serve.mjs', () => {
  let dir: string;
  let srv: Awaited<ReturnType<typeof serveDir>>;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'context-cards-serve-'));
    await fsp.mkdir(path.join(dir, 'site', 'sub'), { recursive: true });
    await fsp.writeFile(path.join(dir, 'site', 'index.html'), '<p>home</p>');
    await fsp.writeFile(path.join(dir, 'site', 'a.css'), 'p{}');
    await fsp.writeFile(path.join(dir, 'site', 'sub', 'index.html'), '<p>sub</p>');
    await fsp.writeFile(path.join(dir, 'secret.txt'), 'do not serve');
    await fsp.symlink(path.join(dir, 'secret.txt'), path.join(dir, 'site', 'link.txt'));
    srv = await serveDir(path.join(dir, 'site'));
  });
  afterAll(async () => {
    await srv?.close();
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves files with their content type', async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await rawGet(srv.port, '/');
    expect(home).toMatchObject({ status: 200, body: '<p>home</p>' });
    expect(home.type).toMatch(/^text\/html/);
    expect((await rawGet(srv.port, '/a.css')).type).toMatch(/^text\/css/);
    expect((await rawGet(srv.port, '/sub/')).body).toBe('<p>sub</p>');
    expect((await rawGet(srv.port, '/sub')).status).toBe(301);
  });

  it('answers 404 for missing files and refuses to leave its directory', async () => {
    expect((await rawGet(srv.port, '/nope.html')).status).toBe(404);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await rawGet(srv.port, p);
      expect(res.body, p).not.toContain('do not serve');
      expect([403, 404], p).toContain(res.status);
    }
    expect((await rawGet(srv.port, '/link.txt')).status).toBe(403); // symlink out of the root
  });
});

describe('scripts/browsers.mjs findBrowser', () => {
  it('finds the installed browsers', () => {
    expect(fs.existsSync(findBrowser('chromium'))).toBe(true);
    expect(fs.existsSync(findBrowser('firefox'))).toBe(true);
  });

  it('explains how to install a missing browser', () => {
    const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH, FIREFOX_PATH: process.env.FIREFOX_PATH };
    try {
      process.env.PATH = '/nonexistent';
      delete process.env.CHROMIUM_PATH;
      delete process.env.FIREFOX_PATH;
      expect(() => findBrowser('chromium')).toThrow(/Chromium not found\. Install it: sudo apt-get install chromium.*CHROMIUM_PATH/);
      expect(() => findBrowser('firefox')).toThrow(/Firefox not found\. Install it: sudo apt-get install firefox-esr.*FIREFOX_PATH/);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('scripts/start.mjs (npm start)', () => {
  const start = path.join(ROOT, 'scripts', 'start.mjs');

  it('without a browser: prints the install hint and exits 1', async () => {
    const env = { ...process.env, PATH: '/nonexistent', CHROMIUM_PATH: '', FIREFOX_PATH: '' };
    const err = await run(process.execPath, [start, '--headless'], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/Chromium not found\. Install it/);
  });

  it.runIf(fs.existsSync(path.join(CHROME_DIST, 'manifest.json')) && !process.env.E2E_CHROME_DIST)(
    'headless: hovers the first figure, prints its card and writes demo.png',
    async () => {
      const cwd = await fsp.mkdtemp(path.join(os.tmpdir(), 'context-cards-start-'));
      try {
        const env = { ...process.env };
        delete env.DISPLAY;
        delete env.WAYLAND_DISPLAY;
        const { stdout } = await run(process.execPath, [start, '--headless'], { cwd, env, timeout: 25_000 });
        const hovered = /^Hovered: (.+)$/m.exec(stdout)?.[1];
        const card = /^Card: (.+)$/m.exec(stdout)?.[1];
        expect(hovered, stdout).toBeTruthy();
        expect(card, stdout).toBeTruthy();
        expect(stdout).toMatch(/--- card text ---\n[\s\S]+\n---/);
        const png = await fsp.readFile(path.join(cwd, 'demo.png'));
        expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      } finally {
        await fsp.rm(cwd, { recursive: true, force: true });
      }
    },
  );
});

describe('npm run screenshots', () => {
  it('is a script, and the README shows the nine pictures it writes, which are committed PNGs', async () => {
    const pkg = JSON.parse(await fsp.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.screenshots).toMatch(/node scripts\/screenshots\.mjs/);
    const readme = await fsp.readFile(path.join(ROOT, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/!\[[^\]]*\]\((docs\/screenshots\/[^)\s]+)\)/g)].map((m) => m[1]!);
    expect(shown.sort()).toEqual(
      ['card-dark', 'card-light', 'card-zoom-400', 'cast-search', 'differences', 'first-run', 'options', 'popup', 'popup-zh_CN']
        .map((n) => `docs/screenshots/${n}.png`)
        .sort(),
    );
    for (const file of shown) {
      const png = await fsp.readFile(path.join(ROOT, file));
      expect(png.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
    }
  });
});
