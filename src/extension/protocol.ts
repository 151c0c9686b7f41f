/**
 * Every message between the extension's parts, each validated on receipt (a page can cause odd
 * ones): the runtime messages between content scripts and the background (the badge, keyboard
 * commands, the card's script), and the port between the toolbar popup and the frames of a tab.
 *
 * The toolbar popup talks to every frame of a tab over one port (`tabs.connect` without a frame id
 * reaches all frames). Messages are validated on receipt like those in messages.ts.
 *
 *   frame → popup  FigureReport   on connect, and again whenever the frame's figures change
 *   popup → frame  ShowFigureRequest   the frame named by `frame` scrolls to the figure's first
 *                                      mention and opens its card; the others ignore it
 *
 * A popup's single port posts to all frames at once, so each frame names itself with a random token.
 */

import { isFigureId, type FigureCount } from '../core/figure-id';

/** At most this many figures in one message: far more than the dataset holds. */
const MAX_FIGURES = 10_000;

export const FIGURES_PORT = 'context-cards-figures';

export interface FigureReport {
  type: 'figures';
  /** The sending frame's token. */
  frame: string;
  /** True for the tab's top frame. */
  top: boolean;
  /** False when the settings keep Context Cards off in this frame (paused, or the site is switched off). */
  active: boolean;
  figures: FigureCount[];
  /** The frame's `location.hostname`: the popup gets no tab URL without the `tabs` permission. */
  hostname: string;
}

export interface ShowFigureRequest {
  type: 'show-figure';
  /** A figure id from the dataset. */
  id: string;
  /** The token of the frame that should show it. */
  frame: string;
}

const FRAME_TOKEN = /^[a-z0-9]{8,32}$/;
const MAX_COUNT = 10_000_000;
const MAX_HOSTNAME = 253;

function isFrameToken(value: unknown): value is string {
  return typeof value === 'string' && FRAME_TOKEN.test(value);
}

/** A random token naming this frame to the popup. */
export function newFrameToken(random: () => number = Math.random): string {
  let token = '';
  while (token.length < 16) token += Math.floor(random() * 36).toString(36);
  return token;
}

/** A request a frame accepts, or null. */
export function parseShowFigure(raw: unknown): ShowFigureRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, id, frame } = raw as Record<string, unknown>;
  return type === 'show-figure' && isFigureId(id) && isFrameToken(frame) ? { type, id, frame } : null;
}

/**
 * A frame's report, or null when it is not one (wrong shape, a bad entry, too many entries).
 * Repeated ids are merged by adding their counts.
 */
export function parseFigureReport(raw: unknown): FigureReport | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, frame, top, active, figures, hostname } = raw as Record<string, unknown>;
  if (type !== 'figures' || !isFrameToken(frame) || typeof top !== 'boolean' || typeof active !== 'boolean') return null;
  if (typeof hostname !== 'string' || hostname.length > MAX_HOSTNAME) return null;
  if (!Array.isArray(figures) || figures.length > MAX_FIGURES) return null;
  const counts = new Map<string, number>();
  for (const entry of figures as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { id, count } = entry as Record<string, unknown>;
    if (!isFigureId(id) || typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COUNT) return null;
    counts.set(id, (counts.get(id) ?? 0) + count);
  }
  return { type, frame, top, active, hostname, figures: [...counts].map(([id, count]) => ({ id, count })) };
}

/** Mentions per figure over all frames' latest reports. */
export function mergeReports(reports: Iterable<FigureReport>): FigureCount[] {
  const counts = new Map<string, number>();
  for (const report of reports) {
    for (const { id, count } of report.figures) counts.set(id, (counts.get(id) ?? 0) + count);
  }
  return [...counts].map(([id, count]) => ({ id, count }));
}

// Runtime messages (content scripts and the background)

export interface FiguresOnPageMessage {
  type: 'figures-on-page';
  /** Ids of the figures marked in the sending frame (the badge counts them over all frames). */
  figures: string[];
}

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

/** From a content script: run card.js (the card's code and text) in the sending frame; answered once it has run. */
export interface LoadCardMessage {
  type: 'load-card';
}

export type ExtensionMessage = FiguresOnPageMessage | CommandMessage | LookUpSelectionMessage | LoadCardMessage;

export function parseMessage(value: unknown): ExtensionMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'figures-on-page': {
      const figures = message.figures;
      if (!Array.isArray(figures) || figures.length > MAX_FIGURES) return null;
      if (!figures.every(isFigureId)) return null;
      return { type: 'figures-on-page', figures: [...new Set(figures as string[])] };
    }
    case 'command':
      return isCommand(message.command) ? { type: 'command', command: message.command } : null;
    case 'look-up-selection':
      return { type: 'look-up-selection' };
    case 'load-card':
      return { type: 'load-card' };
    default:
      return null;
  }
}

export function isCommand(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
