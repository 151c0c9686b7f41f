/**
 * A `t` like browser.i18n.getMessage over assets/_locales/en/messages.json: named placeholders,
 * `$1`…`$9` substitutions, `$$` for a dollar sign. Throws on an unknown key, so a test fails
 * when a component uses a message the file lacks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const MESSAGES: Record<string, MessageEntry> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../assets/_locales/en/messages.json'), 'utf8'),
);

/** Keys looked up through `t` since the last `usedKeys.clear()`. */
export const usedKeys = new Set<string>();

export function t(key: string, substitutions?: string | string[]): string {
  const entry = MESSAGES[key];
  if (!entry) throw new Error(`messages.json has no message "${key}"`);
  usedKeys.add(key);
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}
