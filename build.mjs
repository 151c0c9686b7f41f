#!/usr/bin/env node
// Builds Context Cards: validates and compiles the dataset, bundles every entry with esbuild,
// writes dist/chrome and dist/firefox (manifests derived from manifest.json) and their zips.
//
//   node build.mjs               production build (minified, with source maps)
//   node build.mjs --dev         unminified
//   node build.mjs --watch       rebuild on change
//   node build.mjs --check-data  only validate assets/figures/*.json
//   node build.mjs --cli         only build the scan CLI (dist/cli/scan.mjs)
//   node build.mjs --package     also write the source zip the Firefox store asks for
//   node build.mjs --quiet       print errors only
//   node build.mjs --figures=DIR read figure files from DIR instead of assets/figures
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFlags } from './scripts/flags.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node build.mjs [--quiet] [--dev] [--watch] [--package] [--check-data] [--cli] [--figures=DIR]
  --quiet       print nothing but errors
  --dev         unminified bundles
  --watch       rebuild (unminified) whenever src/, assets/figures/ or manifest.json change
  --package     also write the source zip for the Firefox store
  --check-data  validate assets/figures/*.json only
  --cli         build the scan CLI only (dist/cli/scan.mjs)
  --figures=DIR read the figure files from DIR instead of assets/figures`;

const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;

/** The command line's flags (see scripts/flags.mjs); imported by tests, no flags are read. */
const flags = invokedDirectly
  ? readFlags(
      'build.mjs',
      {
        quiet: { type: 'boolean' },
        dev: { type: 'boolean' },
        watch: { type: 'boolean' },
        package: { type: 'boolean' },
        'check-data': { type: 'boolean' },
        cli: { type: 'boolean' },
        figures: { type: 'string' },
      },
      USAGE,
    )
  : {};
const quiet = flags.quiet === true;
const dev = flags.dev === true;
const log = (...parts) => {
  if (!quiet) console.log(...parts);
};

const dist = path.join(root, 'dist');
const figuresDir = flags.figures ? path.resolve(flags.figures) : path.join(root, 'assets', 'figures');
/** Fixed timestamp for zip entries, so the same sources give the same bytes. */
const ZIP_DATE = new Date('2021-09-09T00:00:00Z');

class BuildError extends Error {}

/**
 * The oldest browsers Context Cards installs on, and what they drive: esbuild's syntax targets and
 * each manifest's install floor. Chrome 128: the first with the `Highlight` registry shared between
 * a content script's world and the page's (and `Promise.withResolvers`). Firefox 140: the oldest
 * supported ESR (Debian 12 and most enterprises run it); its `::highlight()` paints no underline,
 * which highlight.css answers with a tint. Firefox for Android 142: the first that reads
 * `data_collection_permissions`, which the store requires of new add-ons.
 */
export const BROWSER_FLOORS = { chrome: 128, firefox: 140, firefoxAndroid: 142 };
const ESBUILD_TARGETS = [`chrome${BROWSER_FLOORS.chrome}`, `firefox${BROWSER_FLOORS.firefox}`];

/** Loads the TypeScript dataset compiler (src/core) by bundling it for Node. */
async function loadDatasetCompiler() {
  const outfile = path.join(dist, '.build', 'dataset-compile.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/core/dataset-compile.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

export async function readFigureFiles(dir = figuresDir) {
  if (!existsSync(dir)) throw new BuildError(`${path.relative(root, dir)}: folder not found`);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: dir.startsWith(root + path.sep) ? path.relative(root, path.join(dir, name)) : path.join(dir, name),
      basename: name.replace(/\.json$/, ''),
      text: await readFile(path.join(dir, name), 'utf8'),
    })),
  );
}

/** Validates assets/figures and returns the compiled dataset; throws BuildError listing every problem. */
export async function compileFigures() {
  const compiler = await loadDatasetCompiler();
  const files = await readFigureFiles();
  if (files.length === 0) throw new BuildError('assets/figures: no figure files');
  const { figures, problems } = compiler.validateFigureFiles(files);
  if (problems.length) {
    throw new BuildError(`The dataset has ${problems.length} problem(s):\n${problems.map((p) => `  ${compiler.formatProblem(p)}`).join('\n')}`);
  }
  const reviewed = figures
    .map((f) => f.reviewed)
    .sort()
    .at(-1);
  const dataset = compiler.compileDataset(figures, reviewed);
  freshness = compiler.formatFreshnessReport(compiler.freshnessReport(dataset.figures, reviewed));
  return dataset;
}

/** Lines of the freshness report of the dataset compiled last (src/core/freshness.ts). */
let freshness = [];
const logFreshness = () => freshness.forEach((line) => log(line));

/**
 * esbuild plugin: `import dataset from 'virtual:dataset'` gives the compiled dataset;
 * `'virtual:page-dataset'`, the part of it the content script of every frame carries (the name
 * patterns, each figure's id and category: no card text); `'virtual:card-dataset'`, the part
 * card.js carries (the figures, without the patterns). See src/core/dataset.ts.
 */
export function datasetPlugin(getDataset) {
  return {
    name: 'dataset',
    setup(build) {
      build.onResolve({ filter: /^virtual:((page|card)-)?dataset$/ }, (args) => ({ path: args.path.slice('virtual:'.length), namespace: 'dataset' }));
      build.onLoad({ filter: /.*/, namespace: 'dataset' }, async (args) => ({
        contents: args.path === 'page-dataset' ? pageDatasetModule(await getDataset()) : datasetModule(DATASET_PARTS[args.path](await getDataset())),
        loader: 'js',
        watchFiles: (await readFigureFiles()).map((f) => path.join(root, f.file)),
        watchDirs: [figuresDir],
      }));
    },
  };
}

/** The dataset's parts, by the virtual module that gives each (src/core/dataset.ts: `CardDataset`). */
const DATASET_PARTS = {
  dataset: (dataset) => dataset,
  'card-dataset': ({ reviewed, figures }) => ({ reviewed, figures, patterns: [] }),
};

/**
 * Values written once and referred to as `name[index]` wherever they recur: a source that several
 * figures cite (the story itself, most of all), a pattern entry that several name forms share (most
 * are alike: one figure, no special rule). The bundles carry the dataset, and their size counts.
 */
function shared(name) {
  const values = [];
  const indexOf = new Map();
  /** Where `value` (or one equal to it) is in `values`, added now if need be. */
  const index = (value) => {
    const key = JSON.stringify(value);
    let at = indexOf.get(key);
    if (at === undefined) {
      at = values.length;
      indexOf.set(key, at);
      values.push(value);
    }
    return at;
  };
  return { index, values, ref: (value) => `${name}[${index(value)}]`, declaration: () => `const ${name} = ${JSON.stringify(values)};\n` };
}

/**
 * The part of the dataset every frame carries (src/core/dataset.ts, `PageDataset`): each figure's
 * id and category, the patterns' texts as one string, and their entries made by a function the
 * first time they are read. The gate of a frame's matcher reads only the texts, so a frame whose
 * text names no one never makes the hundreds of entry objects (about 76 KB of heap a frame).
 * Everything is written as strings (JSON where it has structure): the browser compiles a content
 * script afresh in every frame, and a string literal costs its parser far less than the object
 * and array literals it stands for, which `JSON.parse` then builds faster too.
 */
export function pageDatasetModule(dataset) {
  const texts = dataset.patterns.map((pattern) => pattern.text);
  if (texts.some((text) => text.includes('\n'))) throw new BuildError('a folded name pattern holds a line break');
  const entries = shared('E');
  const lists = dataset.patterns.map((pattern) => pattern.entries.map(entries.index));
  const figures = dataset.figures.map(({ id, category }) => ({ id, category }));
  const json = (value) => JSON.stringify(JSON.stringify(value));
  return `const texts = ${JSON.stringify(texts.join('\n'))};
function makePatterns() {
  const shared = JSON.parse(${json(entries.values)});
  const t = texts.split('\\n');
  return JSON.parse(${json(lists)}).map((list, i) => ({ text: t[i], entries: list.map((k) => shared[k]) }));
}
let patterns = null;
export default {
  figures: JSON.parse(${json(figures)}),
  get patterns() {
    return (patterns ??= makePatterns());
  },
  get patternTexts() {
    return texts.split('\\n');
  },
};
`;
}

/** The dataset as a module, each cited source and each alike pattern entry written once (`shared`). */
export function datasetModule(dataset) {
  /** `object` written out with its `key` list as references to shared values. */
  const withShared = (object, key, { ref }) => {
    const { [key]: list, ...rest } = object;
    return `${JSON.stringify(rest).slice(0, -1)},${JSON.stringify(key)}:[${list.map(ref).join(',')}]}`;
  };
  const sources = shared('S');
  const entries = shared('E');
  const figures = dataset.figures.map((figure) => withShared(figure, 'sources', sources));
  const patterns = dataset.patterns.map((pattern) => withShared(pattern, 'entries', entries));
  const { figures: _figures, patterns: _patterns, ...top } = dataset;
  const fields = [
    ...Object.entries(top).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`),
    `"figures":[${figures.join(',')}]`,
    `"patterns":[${patterns.join(',')}]`,
  ];
  const body = `{${fields.join(',')}}`;
  return `${sources.declaration()}${entries.declaration()}export default ${body};\n`;
}

/** CSS imported as text (the card's styles, the marks'), minified in production builds. */
export function cssTextPlugin() {
  return {
    name: 'css-text',
    setup(build) {
      build.onLoad({ filter: /\.css$/ }, async (args) => {
        const css = await readFile(args.path, 'utf8');
        const contents = dev ? css : (await esbuild.transform(css, { loader: 'css', minify: true, target: ESBUILD_TARGETS })).code;
        return { contents, loader: 'text' };
      });
    },
  };
}

async function readPackage() {
  return JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
}

/** The per-browser manifest derived from the shared base. */
export function deriveManifest(base, target, version) {
  const manifest = structuredClone(base);
  manifest.version = version;
  if (target === 'chrome') {
    manifest.background = { service_worker: 'background.js' };
    manifest.minimum_chrome_version = String(BROWSER_FLOORS.chrome);
  } else {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'context-cards@context-cards.org',
        strict_min_version: `${BROWSER_FLOORS.firefox}.0`,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: `${BROWSER_FLOORS.firefoxAndroid}.0` },
    };
  }
  return manifest;
}

function bundleOptions(getDataset, outdir) {
  return {
    entryPoints: {
      content: path.join(root, 'src/extension/content.ts'),
      card: path.join(root, 'src/extension/card.ts'),
      background: path.join(root, 'src/extension/background.ts'),
      ...Object.fromEntries(EXTENSION_PAGES.map((page) => [page, path.join(root, `src/extension/${page}.tsx`)])),
    },
    outdir,
    bundle: true,
    format: 'iife',
    target: ESBUILD_TARGETS,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: !dev,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'silent',
    plugins: [datasetPlugin(getDataset), cssTextPlugin()],
  };
}

async function writeTargets(outdir) {
  const pkg = await readPackage();
  const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  for (const target of ['chrome', 'firefox']) {
    const dir = path.join(dist, target);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await cp(outdir, dir, { recursive: true });
    await cp(path.join(root, 'src/extension/highlight.css'), path.join(dir, 'content.css'));
    await cp(path.join(root, 'assets/icons'), path.join(dir, 'icons'), { recursive: true });
    for (const page of EXTENSION_PAGES) await writeFile(path.join(dir, `${page}.html`), extensionPageHtml(page));
    await cp(path.join(root, 'assets/_locales'), path.join(dir, '_locales'), { recursive: true });
    const manifest = deriveManifest(base, target, pkg.version);
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(dist, `context-cards-${target}-${pkg.version}.zip`), await zipDirectory(dir));
  }
}

/** The extension's own pages: each an empty document that its script fills (title and language included). */
const EXTENSION_PAGES = ['popup', 'options', 'welcome', 'lookup'];

function extensionPageHtml(page) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Context Cards</title>
    <script src="${page}.js" defer></script>
  </head>
  <body></body>
</html>
`;
}

async function zipDirectory(dir) {
  const entries = {};
  const walk = async (sub) => {
    for (const entry of (await readdir(path.join(dir, sub), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else entries[rel] = [await readFile(path.join(dir, rel)), { mtime: ZIP_DATE }];
    }
  };
  await walk('');
  return zipSync(entries, { level: 9 });
}

/** The sources the store reviews: every file git tracks, zipped with fixed dates. */
async function writeSourceZip() {
  const { execFileSync } = await import('node:child_process');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean).sort();
  const entries = {};
  for (const file of files) {
    if (!existsSync(path.join(root, file))) continue;
    entries[file] = [await readFile(path.join(root, file)), { mtime: ZIP_DATE }];
  }
  const pkg = await readPackage();
  const out = path.join(dist, `context-cards-source-${pkg.version}.zip`);
  await writeFile(out, zipSync(entries, { level: 9 }));
  log(`wrote ${path.relative(root, out)} (${files.length} files)`);
}

async function buildExtension() {
  const started = performance.now();
  let dataset;
  const getDataset = async () => (dataset ??= await compileFigures());
  await getDataset();
  logFreshness();
  const outdir = path.join(dist, '.build', 'bundle');
  await rm(outdir, { recursive: true, force: true });
  if (flags.watch) {
    const ctx = await esbuild.context({
      ...bundleOptions(async () => compileFigures(), outdir),
      plugins: [
        datasetPlugin(async () => compileFigures()),
        cssTextPlugin(),
        {
          name: 'write-targets',
          setup(build) {
            build.onEnd(async (result) => {
              if (result.errors.length) {
                console.error(result.errors.map((e) => e.text).join('\n'));
                return;
              }
              await writeTargets(outdir);
              log(`rebuilt dist/chrome and dist/firefox at ${new Date().toLocaleTimeString()}`);
            });
          },
        },
      ],
    });
    await ctx.watch();
    log('watching src/, assets/figures/ and manifest.json for changes (Ctrl+C to stop)');
    return;
  }
  await esbuild.build(bundleOptions(getDataset, outdir));
  await writeTargets(outdir);
  await buildCli(getDataset);
  if (flags.package) await writeSourceZip();
  log(`built dist/chrome, dist/firefox and their zips in ${Math.round(performance.now() - started)} ms`);
}

async function buildCli(getDataset) {
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/scan.ts')],
    outfile: path.join(dist, 'cli', 'scan.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'silent',
    plugins: [datasetPlugin(getDataset)],
  });
}

async function main() {
  if (flags['check-data']) {
    const dataset = await compileFigures();
    log(`dataset OK: ${dataset.figures.length} figures, ${dataset.patterns.length} name and cue patterns`);
    logFreshness();
    return;
  }
  if (flags.cli) {
    let dataset;
    await buildCli(async () => (dataset ??= await compileFigures()));
    return;
  }
  await buildExtension();
}

if (invokedDirectly)
  main().catch((error) => {
    if (error instanceof BuildError) console.error(`Build failed. ${error.message}`);
    else if (error?.errors?.length)
      console.error(`Build failed:\n${error.errors.map((e) => `  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n')}`);
    else console.error('Build failed:', error);
    process.exitCode = 1;
  });
