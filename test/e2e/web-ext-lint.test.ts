import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

interface LintReport {
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

it('the Firefox build passes web-ext lint without errors', async () => {
  const bin = path.join(root, 'node_modules/.bin/web-ext');
  const { stdout } = await run(bin, ['lint', '--source-dir', path.join(root, 'dist/firefox'), '--output', 'json', '--no-input'], {
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as LintReport;
  expect(report.errors).toEqual([]);
  // Preact's own guarded innerHTML path (dangerouslySetInnerHTML, which we never use) is the only warning allowed.
  expect(report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
});
