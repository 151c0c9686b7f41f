// Hostile pages made by the fixture server on request: too large to keep in git (a million nodes),
// or derived from code (a Preact app's server markup and its bundle).
import path from 'node:path';
import * as esbuild from 'esbuild';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import type { RouteResponse } from '../../scripts/serve.mjs';
import { PAGES_DIR } from './helpers';
import { FIRST, Story } from './pages/hostile/preact/story.js';

const HTML = 'text/html; charset=utf-8';

/** Sections of the huge page; each holds 604 nodes, so 1,656 of them pass a million. */
const HUGE_SECTIONS = 1_660;
/** Every this many sections, one paragraph names Kabul. */
const KABUL_EVERY = 100;
/** The names the huge page holds: Meng Hongwei before the bulk, Kabul in it, Hua Chunying after it. */
export const HUGE_MENTIONS = 2 + Math.ceil(HUGE_SECTIONS / KABUL_EVERY);

function hugePage(): string {
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile: 1,000,000 nodes</title></head><body>',
    '<p id="text">Before a million nodes: Meng Hongwei.</p>',
    '<form id="form"><input id="field" value="kept"></form>',
    // How long the longest keystroke waited for the page's main thread (read by the test, for its log).
    '<script>window.inputDelay = 0; document.getElementById("field").addEventListener("keydown", (e) => {',
    ' window.inputDelay = Math.max(window.inputDelay, performance.now() - e.timeStamp); });</script>',
    '<main id="bulk">',
  ];
  for (let s = 0; s < HUGE_SECTIONS; s++) {
    // section, h2 and its text, p, then 100 × (span, b, "item", " n ", i, "x"): 604 nodes, no whitespace between.
    let p = '';
    for (let i = 0; i < 100; i++) {
      const words = i === 50 && s % KABUL_EVERY === 0 ? ` ${i} Kabul ` : ` ${i} `;
      p += `<span><b>item</b>${words}<i>x</i></span>`;
    }
    parts.push(`<section><h2>Part ${s}</h2><p>${p}</p></section>`);
  }
  parts.push('</main><p id="end">After a million nodes: Hua Chunying.</p></body></html>');
  return parts.join('');
}

function preactPage(): string {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const app = document.getElementById('app')!;
  render(h(Story, FIRST), app as unknown as Element);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile: a Preact app hydrating server markup</title>',
    // No favicon request: its 404 would be a console error in Chromium, and this page's console must stay clean.
    '<link rel="icon" href="data:,"></head><body>',
    `<div id="app">${app.innerHTML}</div>`,
    '<form><input id="field" value="kept"></form>',
    '<script src="preact-app.js"></script>',
    '</body></html>',
  ].join('');
}

async function preactBundle(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(PAGES_DIR, 'hostile', 'preact', 'client.js')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  return out.outputFiles[0]!.text;
}

const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
};

const huge = once(hugePage);
const preact = once(preactPage);
const bundle = once(preactBundle);

export const hostileRoutes: Record<string, () => RouteResponse | Promise<RouteResponse>> = {
  '/hostile/huge.html': () => ({ type: HTML, body: huge() }),
  '/hostile/preact.html': () => ({ type: HTML, body: preact() }),
  '/hostile/preact-app.js': async () => ({ type: 'text/javascript; charset=utf-8', body: await bundle() }),
};
