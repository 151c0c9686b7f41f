/**
 * A `Translate` over a messages.json object, with the browser's `i18n.getMessage` rules: named
 * `$NAME$` placeholders, `$1`…`$9` substitutions, `$$` for a dollar sign. For where
 * `browser.i18n` is absent (the benchmark page, Node tests).
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export function translatorFor(messages: Record<string, MessageEntry>, onMissing: (key: string) => string = (key) => key): Translate {
  return (key, substitutions) => {
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (!entry) return onMissing(key);
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
    return fill(
      entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
        const content = placeholders[name.toLowerCase()];
        return content === undefined ? whole : fill(content);
      }),
    ).replace(/\$\$/g, '$');
  };
}
