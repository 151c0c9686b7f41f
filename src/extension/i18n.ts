/**
 * Localized strings from assets/_locales/<lang>/messages.json through `browser.i18n`.
 * UI components receive `t` as a prop (type `Translate`), so tests pass a fake reading the same file.
 */
import { extensionApi } from './extension-api';
import type { Translate } from '../ui/translate';

export type { Translate };

/** The localized message, or the key itself when the message is missing (visible, never blank). */
export const t: Translate = (key, substitutions) => {
  let message: string | undefined;
  try {
    message = extensionApi().i18n.getMessage(key, substitutions);
  } catch {
    message = undefined;
  }
  if (!message) {
    console.warn(`Context Cards: no message "${key}"`);
    return key;
  }
  return message;
};

/**
 * The language of the strings shown, as a BCP 47 tag, for `<html lang>`: the language of the
 * translation in use (its `uiLang` message), not the browser's, which may have none of ours.
 */
export function uiLanguage(): string {
  try {
    return extensionApi().i18n.getMessage('uiLang') || 'en';
  } catch {
    return 'en';
  }
}
