// "Bundle": the bytes of whatever the built extension runs in every frame, i.e. every script its
// manifest's content_scripts list (and, apart, their stylesheets), each gzipped at level 9.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** For dist/chrome (or any built extension dir): `{ files, jsBytes, jsGzipBytes, cssGzipBytes }`, or null if unbuilt. */
export function everyFrameBytes(extensionDir) {
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const files = [];
  for (const entry of manifest.content_scripts ?? []) {
    for (const [kind, list] of [
      ['js', entry.js ?? []],
      ['css', entry.css ?? []],
    ]) {
      for (const file of list) {
        const buf = readFileSync(path.join(extensionDir, file));
        files.push({ file, kind, allFrames: entry.all_frames === true, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length });
      }
    }
  }
  const total = (kind, key) => files.filter((f) => f.kind === kind).reduce((s, f) => s + f[key], 0);
  return { files, jsBytes: total('js', 'bytes'), jsGzipBytes: total('js', 'gzipBytes'), cssGzipBytes: total('css', 'gzipBytes') };
}
