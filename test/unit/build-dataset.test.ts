import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'cc-figures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the real figures, applies `edit` to one file, and runs the build's dataset check on them. */
async function checkWith(edit: (figures: Record<string, Record<string, unknown>>) => void) {
  const dir = mkdtempSync(path.join(work, 'case-'));
  cpSync(path.join(root, 'assets/figures'), dir, { recursive: true });
  const files: Record<string, Record<string, unknown>> = {};
  for (const id of ['meng-hongwei', 'interpol']) files[id] = JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8'));
  edit(files);
  for (const [id, json] of Object.entries(files)) writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(json));
  try {
    await run(process.execPath, ['build.mjs', '--check-data', `--figures=${dir}`], { cwd: root });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('the build refuses a broken dataset', () => {
  it('accepts the real dataset', async () => {
    expect(await checkWith(() => {})).toEqual({ code: 0, stderr: '' });
  });

  it.each([
    ['a missing field', (f: Record<string, Record<string, unknown>>) => delete f['meng-hongwei']!.summary, /meng-hongwei\.json: summary: /],
    [
      'a dangling relation',
      (f: Record<string, Record<string, unknown>>) => ((f['meng-hongwei']!.relations as { target: string }[])[0]!.target = 'no-such-figure'),
      /meng-hongwei\.json: relations\[0\]\.target: no figure with id "no-such-figure"/,
    ],
    [
      'a source without URL',
      (f: Record<string, Record<string, unknown>>) => delete (f['meng-hongwei']!.sources as Record<string, unknown>[])[0]!.url,
      /meng-hongwei\.json: sources\[0\]\.url: /,
    ],
    [
      'an alias another figure claims',
      (f: Record<string, Record<string, unknown>>) => (f.interpol!.aliases as unknown[]).push({ text: 'Meng Hongwei' }),
      /(interpol|meng-hongwei)\.json: aliases\[\d+\]: "Meng Hongwei" is also a name of (meng-hongwei|interpol)/,
    ],
    [
      'a duplicate id',
      (f: Record<string, Record<string, unknown>>) => (f.interpol!.id = 'meng-hongwei'),
      /interpol\.json: id: "meng-hongwei" does not match the file name "interpol"/,
    ],
  ])('fails with file, field and reason for %s', async (_name, edit, message) => {
    const { code, stderr } = await checkWith(edit);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Build failed\. The dataset has \d+ problem/);
    expect(stderr).toMatch(message);
  });
});

describe('the dataset module the bundles import', () => {
  it('holds the compiled dataset, with each cited source and each alike pattern entry written once', async () => {
    const build = (await import(pathToFileURL(path.join(root, 'build.mjs')).href)) as {
      compileFigures(): Promise<{ figures: { sources: unknown[] }[]; patterns: { entries: unknown[] }[] }>;
      datasetModule(dataset: unknown): string;
    };
    const dataset = await build.compileFigures();
    const source = build.datasetModule(dataset);
    const loaded = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown };
    expect(loaded.default).toEqual(dataset);
    const cited = dataset.figures.flatMap((f) => f.sources.map((s) => JSON.stringify(s)));
    const written = (source.match(/"title":/g) ?? []).length;
    expect(written).toBe(new Set(cited).size);
    expect(written).toBeLessThan(cited.length);
    const entries = dataset.patterns.flatMap((p) => p.entries.map((e) => JSON.stringify(e)));
    const entriesWritten = (source.match(/"needsCue":/g) ?? []).length;
    expect(entriesWritten).toBe(new Set(entries).size);
    expect(entriesWritten).toBeLessThan(entries.length / 2);
  });

  it("every frame's part holds the patterns (made when first read), their texts, and each figure's id and category only", async () => {
    const build = (await import(pathToFileURL(path.join(root, 'build.mjs')).href)) as {
      compileFigures(): Promise<{ figures: { id: string; category: string }[]; patterns: { text: string; entries: unknown[] }[] }>;
      pageDatasetModule(dataset: unknown): string;
    };
    const dataset = await build.compileFigures();
    const source = build.pageDatasetModule(dataset);
    const loaded = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
      default: { figures: unknown; patterns: unknown; patternTexts: unknown };
    };
    expect(loaded.default.patternTexts).toEqual(dataset.patterns.map((p) => p.text));
    expect(loaded.default.patterns).toEqual(dataset.patterns);
    expect(loaded.default.figures).toEqual(dataset.figures.map(({ id, category }) => ({ id, category })));
    expect(source).not.toMatch(/\\?"(summary|sources)\\?"/);
  });
});
