/** Messages between the extension's parts, validated on receipt (a page can cause odd ones). */

export interface FiguresOnPageMessage {
  type: 'figures-on-page';
  /** Number of distinct figures marked in the sending frame. */
  count: number;
}

export type ExtensionMessage = FiguresOnPageMessage;

export function parseMessage(value: unknown): ExtensionMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === 'figures-on-page') {
    const count = message.count;
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count < 1_000_000) {
      return { type: 'figures-on-page', count };
    }
  }
  return null;
}
