// Types for page-helpers.mjs. `page` is a playwright-core or puppeteer-core Page.
/** A page or a frame: the helpers that only evaluate in the page also work on a frame. */
export interface AnyFrame {
  evaluate(fn: (...args: any[]) => any, ...args: any[]): Promise<any>;
}
export interface AnyPage extends AnyFrame {
  mouse: { move(x: number, y: number, options?: any): Promise<void> };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextPoint {
  x: number;
  y: number;
  rect: { left: number; top: number; width: number; height: number };
  inView: boolean;
}

export interface TextPointOptions {
  /** 0-based occurrence (default 0) */
  nth?: number;
  /** CSS selector of the element to search in (default: body) */
  within?: string;
  /** scroll the text into view when needed (default true) */
  scroll?: boolean;
}

export interface CardState {
  /** accessible name: aria-label, or the text of the aria-labelledby targets */
  name: string;
  /** innerText of the dialog */
  text: string;
  visible: boolean;
  rect: { left: number; top: number; width: number; height: number };
  /** tag name of the host element's parent ("HTML" expected) */
  hostParent: string | null;
}

export function textPoint(page: AnyFrame, text: string, options?: TextPointOptions): Promise<TextPoint>;
export function hoverText(page: AnyPage, text: string, options?: TextPointOptions): Promise<TextPoint>;
export function moveMouseAway(page: AnyPage, point?: { x?: number; y?: number }): Promise<void>;
export function pollPage<T>(
  page: AnyFrame,
  fn: (arg: any) => T,
  arg?: unknown,
  options?: { timeout?: number; interval?: number; message?: string },
): Promise<NonNullable<T>>;
export function waitForScan(page: AnyFrame, options?: { timeout?: number }): Promise<number>;
export function readCard(page: AnyFrame): Promise<CardState | null>;
export function waitForCard(page: AnyFrame, options?: { name?: string; timeout?: number }): Promise<CardState>;
export function waitForNoCard(page: AnyFrame, options?: { timeout?: number }): Promise<void>;
export function cardAppearsWithin(page: AnyFrame, ms: number): Promise<boolean>;
export function elementBox(page: AnyFrame, selector: string): Promise<Box>;
