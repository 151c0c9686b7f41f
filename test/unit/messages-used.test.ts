// Every user-visible string goes through _locales: each key the code or the manifest asks for
// exists, and each message in the file is asked for somewhere (no dead strings).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../support/i18n';

const root = path.resolve(import.meta.dirname, '../..');
const sourceFiles = ['src/ui', 'src/extension'].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(root, dir, name)),
);
const code = sourceFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');

/** Keys written as string literals: t('key'), and values of key tables like { person: 'cardPerson' }. */
const literalKeys = new Set([...code.matchAll(/'([a-z][A-Za-z0-9]+)'/g)].map((m) => m[1]!));
const manifestKeys = new Set([...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!));

describe('localized strings', () => {
  it('every key the manifest uses exists', () => {
    for (const key of manifestKeys) expect(MESSAGES, key).toHaveProperty(key);
  });

  it('every t("…") call names an existing message', () => {
    for (const match of code.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) expect(MESSAGES, match[1]).toHaveProperty(match[1]!);
  });

  it('every message is used by the code or the manifest', () => {
    const unused = Object.keys(MESSAGES).filter((key) => !literalKeys.has(key) && !manifestKeys.has(key));
    expect(unused).toEqual([]);
  });
});
