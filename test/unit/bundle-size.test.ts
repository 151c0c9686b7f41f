/**
 * What runs in every frame (every file the manifest's content scripts list) stays within its
 * budget, so that a growing dataset or a new import cannot make every frame of every page pay for
 * it unseen. The card's code and the figures' texts live in card.js, which only the frames that
 * name someone load (docs/ARCHITECTURE.md, "What loads where and why"). Reads the build in dist/
 * (`npm test` builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The budget of every frame, gzip: 40 KB (issue 20), with room for the dataset's name patterns to grow. */
const EVERY_FRAME_GZIP_BYTES = 40 * 1024;

const root = path.resolve(import.meta.dirname, '../..');

interface Manifest {
  content_scripts: { js?: string[]; css?: string[] }[];
}

describe('every-frame budget', () => {
  for (const target of ['chrome', 'firefox']) {
    it(`${target}: the content scripts' files are at most 40 KB gzip together`, () => {
      const dir = path.join(root, 'dist', target);
      if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run node build.mjs first (npm test does)`);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
      const files = [...new Set(manifest.content_scripts.flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]))];
      const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length }));
      const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
      const report = sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ');
      expect(total, `what runs in every frame is ${(total / 1024).toFixed(1)} KB gzip (${report}); the budget is 40 KB`).toBeLessThanOrEqual(
        EVERY_FRAME_GZIP_BYTES,
      );
      expect(files).not.toContain('card.js');
    });
  }
});
