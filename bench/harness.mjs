// Bundles the bench harness (bench/entry.ts) of a tree with that tree's own build.mjs: its
// dataset compile step and the plugins that give the content script its dataset and CSS. The
// bench runs this tree's; its comparison mode, a git ref's as well.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** build.mjs of the tree at `dir`, as a module. */
export const buildModuleAt = (dir) => import(pathToFileURL(path.join(dir, 'build.mjs')).href);

/** The harness of the tree at `dir` with `dataset` (by default that tree's compiled dataset): `{ js, map }`. */
export async function bundleHarness(dir, { dataset, minify = true, sourcemap = false } = {}) {
  const { compileFigures, cssTextPlugin, datasetPlugin } = await buildModuleAt(dir);
  const data = dataset ?? (await compileFigures());
  const result = await esbuild.build({
    entryPoints: [path.join(dir, 'bench', 'entry.ts')],
    absWorkingDir: dir,
    bundle: true,
    write: false,
    format: 'iife',
    target: ['chrome128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    sourcemap: sourcemap ? 'external' : false,
    outfile: path.join(dir, 'dist', '.bench', 'bench-profile.js'),
    logLevel: 'silent',
    // The content script's own dataset module and CSS, as build.mjs makes them.
    plugins: [datasetPlugin(async () => data), cssTextPlugin()],
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'))?.text ?? null;
  return { js, map };
}
