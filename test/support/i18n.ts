/**
 * A `t` like browser.i18n.getMessage over assets/_locales/en/messages.json. Throws on an unknown
 * key, so a test fails when a component uses a message the file lacks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translatorFor, type MessageEntry } from '../../src/ui/translate';

export const MESSAGES: Record<string, MessageEntry> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../assets/_locales/en/messages.json'), 'utf8'),
);

/** Keys looked up through `t` since the last `usedKeys.clear()`. */
const usedKeys = new Set<string>();

const translate = translatorFor(MESSAGES, (key) => {
  throw new Error(`messages.json has no message "${key}"`);
});

export function t(key: string, substitutions?: string | string[]): string {
  const message = translate(key, substitutions);
  usedKeys.add(key);
  return message;
}
