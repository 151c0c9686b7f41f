/** Messages between the extension's parts, validated on receipt (a page can cause odd ones). */

export interface FiguresOnPageMessage {
  type: 'figures-on-page';
  /** Ids of the figures marked in the sending frame (the badge counts them over all frames). */
  figures: string[];
}

const FIGURE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_FIGURES = 10_000;

export const COMMANDS = ['next-mention', 'previous-mention', 'open-at-caret'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandMessage {
  type: 'command';
  command: CommandName;
}

/** From the context menu: open the card of the name in the frame's selection, answering whether it did. */
export interface LookUpSelectionMessage {
  type: 'look-up-selection';
}

export type ExtensionMessage = FiguresOnPageMessage | CommandMessage | LookUpSelectionMessage;

export function parseMessage(value: unknown): ExtensionMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'figures-on-page': {
      const figures = message.figures;
      if (!Array.isArray(figures) || figures.length > MAX_FIGURES) return null;
      if (!figures.every((id) => typeof id === 'string' && id.length <= 200 && FIGURE_ID.test(id))) return null;
      return { type: 'figures-on-page', figures: [...new Set(figures as string[])] };
    }
    case 'command':
      return isCommand(message.command) ? { type: 'command', command: message.command } : null;
    case 'look-up-selection':
      return { type: 'look-up-selection' };
    default:
      return null;
  }
}

export function isCommand(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
