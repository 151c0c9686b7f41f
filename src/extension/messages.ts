/** Messages between the extension's parts, validated on receipt (a page can cause odd ones). */

export interface FiguresOnPageMessage {
  type: 'figures-on-page';
  /** Number of distinct figures marked in the sending frame. */
  count: number;
}

export const COMMANDS = ['next-mention', 'previous-mention', 'open-at-caret'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandMessage {
  type: 'command';
  command: CommandName;
}

export type ExtensionMessage = FiguresOnPageMessage | CommandMessage;

export function parseMessage(value: unknown): ExtensionMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'figures-on-page': {
      const count = message.count;
      if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count < 1_000_000) {
        return { type: 'figures-on-page', count };
      }
      return null;
    }
    case 'command':
      return isCommand(message.command) ? { type: 'command', command: message.command } : null;
    default:
      return null;
  }
}

export function isCommand(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
