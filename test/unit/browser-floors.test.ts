// The browsers Context Cards installs on: one table in build.mjs drives the manifests, and the
// marks' stylesheet keeps its Gecko rule under the query the options page asks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_FLOORS, deriveManifest } from '../../build.mjs';
import { GECKO_QUERY, underlineComesWithTint } from '../../src/page/marks';

const root = path.resolve(import.meta.dirname, '../..');
const base = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));

describe('browser floors', () => {
  it('Firefox desktop installs from the oldest supported ESR, 140; Android from 142; Chrome from 128', () => {
    expect(BROWSER_FLOORS).toEqual({ chrome: 128, firefox: 140, firefoxAndroid: 142 });
    const firefox = deriveManifest(base, 'firefox', '1.0.0');
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(firefox.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(deriveManifest(base, 'chrome', '1.0.0').minimum_chrome_version).toBe('128');
  });

  it('the marks stylesheet tints the underline style under the Gecko query the options page asks', () => {
    const css = readFileSync(path.join(root, 'src/extension/highlight.css'), 'utf8');
    expect(css).toContain(`@supports ${GECKO_QUERY}`);
    expect(underlineComesWithTint({ supports: (q) => q === GECKO_QUERY })).toBe(true);
    expect(underlineComesWithTint({ supports: () => false })).toBe(false);
    expect(underlineComesWithTint(undefined)).toBe(false);
  });
});
