// The bench's outside view: the built extension (dist/chrome, dist/firefox) in real Chromium and
// Firefox, on the bench's generated pages served over loopback, against the same browser without
// it. Runs the felt, hover, frames and startup cases (bench/felt.mjs, hover-felt.mjs, frames.mjs,
// startup-felt.mjs) one
// browser at a time, so that the two browsers never compete for the machine.
import path from 'node:path';
import { feltCase } from './felt.mjs';
import { framesCase } from './frames.mjs';
import { defaultDwellMs, hoverCase } from './hover-felt.mjs';
import { document as htmlDocument, framesPage, nameFreeFrame } from './pages.mjs';
import { floorExtension, openSession, servePages } from './sessions.mjs';
import { startupCase } from './startup-felt.mjs';

/**
 * `pages` { article, dense, spa } (HTML; the SPA's swap in bench/in-page.mjs); `P` the run's
 * parameters. Returns { felt: { chromium, firefox }, hover: { chromium, firefox }, frames, startup }.
 */
export async function outsideCases({ root, pages, P, log }) {
  const routes = {
    '/article': () => pages.article,
    '/dense': () => pages.dense,
    '/spa': () => pages.spa,
    '/frames': () => framesPage(P.frameCount, '/frame/'),
    '/blank': () => htmlDocument(''),
  };
  for (let i = 0; i < P.frameCount; i++) routes[`/frame/${i}`] = () => nameFreeFrame(100 + i, 30);
  const site = await servePages(routes);
  const specs = {
    article: { label: '2 MB article', url: site.url('/article'), names: true },
    dense: { label: 'dense page', url: site.url('/dense'), names: true },
    spa: { label: 'SPA swap', url: site.url('/spa'), names: true, swap: true },
  };
  const dwellMs = defaultDwellMs(root);
  const out = { felt: {}, hover: {}, frames: null, startup: null };
  try {
    for (const [kind, dist] of [
      ['chromium', 'chrome'],
      ['firefox', 'firefox'],
    ]) {
      log(`case outside view, ${kind}`);
      const sessions = { with: await openSession(kind, path.join(root, 'dist', dist)), without: await openSession(kind, null) };
      try {
        const pages = kind === 'firefox' ? Object.fromEntries(P.firefoxPages.map((k) => [k, specs[k]])) : specs;
        out.felt[kind] = await feltCase({ sessions, specs: pages, runs: P.feltRuns[kind], timing: P.feltTiming, log });
        out.hover[kind] = await hoverCase({ session: sessions.with, url: specs.article.url, opens: P.hoverOpens[kind], dwellMs, timing: P.feltTiming, log });
        if (kind === 'chromium') {
          const frames = { url: site.url('/frames'), runs: P.framesRuns, quietMs: P.feltTiming.quietMs * 2, frameCount: P.frameCount };
          out.frames = await framesCase({ sessions, ...frames, log });
          // The same with a content script of `void 0;`: what any content script in every frame costs.
          const floor = await floorExtension(path.join(root, 'dist', dist));
          const floorSession = await openSession(kind, floor.dir);
          try {
            out.frames.floor = await framesCase({
              sessions: { with: floorSession, without: sessions.without },
              ...frames,
              log: (line) => log(`${line}, content script \`void 0;\``),
            });
          } finally {
            await floorSession.close();
            await floor.remove();
          }
        }
      } finally {
        await sessions.with.close();
        await sessions.without.close();
      }
    }
    // Its own bare sessions, once the others are closed.
    out.startup = await startupCase({
      dist: path.join(root, 'dist', 'chrome'),
      url: site.url('/blank'),
      runs: P.blankRuns,
      settleMs: P.feltTiming.quietMs,
      log,
    });
  } finally {
    await site.close();
  }
  return out;
}
