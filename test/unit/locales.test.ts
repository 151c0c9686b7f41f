// Every translation in assets/_locales is complete and safe to substitute into: the same keys as
// English (the default locale), the same named placeholders with the same contents, no `$NAME$` a
// translation uses that its entry does not define, a store description within the stores' 132
// characters, and a `uiLang` tag that names the translation's own language.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageEntry } from '../../src/ui/translate';
import { translatorFor } from '../../src/ui/translate';

const dir = path.resolve(import.meta.dirname, '../../assets/_locales');
const locales = readdirSync(dir).sort();
const read = (locale: string): Record<string, MessageEntry> => JSON.parse(readFileSync(path.join(dir, locale, 'messages.json'), 'utf8'));
const english = read('en');

/** Named placeholders a message uses ($NAME$), lower-cased as the browsers match them. */
const usedPlaceholders = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('translations', () => {
  it('include English, Simplified Chinese and Traditional Chinese', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'zh_CN', 'zh_TW']));
  });

  describe.each(locales)('%s', (locale) => {
    const messages = read(locale);

    it('has every key of English and no other', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('keeps each message’s placeholders: the same names, the same contents, all of them defined', () => {
      for (const [key, entry] of Object.entries(english)) {
        const translated = messages[key];
        if (!translated) continue; // reported by the test above
        expect(translated.message.trim(), key).not.toBe('');
        const expected = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
        const actual = Object.fromEntries(Object.entries(translated.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
        expect(actual, `${key}: placeholder definitions`).toEqual(expected);
        expect(usedPlaceholders(translated.message), `${key}: placeholders used`).toEqual(usedPlaceholders(entry.message));
      }
    });

    it('fills every placeholder when substituted (nothing like $NAME$ or $1 left over)', () => {
      const t = translatorFor(messages);
      for (const [key, entry] of Object.entries(messages)) {
        const count = Object.keys(entry.placeholders ?? {}).length;
        const text = t(
          key,
          Array.from({ length: count }, (_, i) => `«${i + 1}»`),
        );
        expect(text, key).not.toMatch(/\$[A-Za-z0-9_@]+\$|\$\d/);
        for (let i = 1; i <= count; i++) expect(text, `${key} shows substitution ${i}`).toContain(`«${i}»`);
      }
    });

    it('describes the extension within 132 characters, as one story', () => {
      const description = messages.extDescription!.message;
      expect([...description].length).toBeLessThanOrEqual(132);
      expect(description).toMatch(/one news story|一篇新闻报道|一篇新聞報導/);
    });

    it('names its own language in uiLang', () => {
      expect(messages.uiLang!.message).toBe(locale.replace('_', '-'));
    });
  });
});
