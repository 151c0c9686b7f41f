// Helpers for the hostile suite's pages with frames and forms. Playwright's and Puppeteer's pages
// and frames share `evaluate(fn, arg)`, `frames()` and `url()`, which is all these use.
import { expect } from 'vitest';
import { moveMouseAway, waitForNoCard } from './helpers';

export interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

export interface HostileFrame extends Evaluator {
  url(): string;
}

export interface HostilePage extends Evaluator {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  frames(): HostileFrame[];
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
}

interface Point {
  x: number;
  y: number;
}

/** The frame whose window.name is `name` (the `name` attribute of its iframe or frame). */
export async function frameNamed(page: HostilePage, name: string): Promise<HostileFrame> {
  for (const frame of page.frames()) {
    if ((await frame.evaluate(() => window.name, null)) === name) return frame;
  }
  throw new Error(
    `no frame named ${JSON.stringify(name)} among ${page
      .frames()
      .map((f) => f.url())
      .join(', ')}`,
  );
}

/** Where the content of the frame element `selector` starts, in the top page's viewport. */
export async function frameOrigin(page: HostilePage, selector: string): Promise<Point> {
  return page.evaluate((sel: string) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
  }, selector);
}

/** Runs in a frame: the viewport centre of `text` in the frame's `#text` paragraph. */
function textCentre(text: string): Point | null {
  // No TreeWalker filter here: a frame sandboxed without allow-scripts runs no callback of ours.
  const node = document.getElementById('text')?.firstChild;
  const at = node instanceof Text ? node.data.indexOf(text) : -1;
  if (at === -1) return null;
  const range = document.createRange();
  range.setStart(node!, at);
  range.setEnd(node!, at + text.length);
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** Moves the pointer onto `text` in the `#text` paragraph of a frame (whose element is `selector` in the top page). */
export async function hoverInFrame(page: HostilePage, frame: HostileFrame, selector: string, text: string): Promise<void> {
  const origin = await frameOrigin(page, selector);
  const point = await frame.evaluate(textCentre, text);
  if (!point) throw new Error(`${JSON.stringify(text)} is not in the #text paragraph of ${frame.url()}`);
  await page.mouse.move(origin.x + point.x - 2, origin.y + point.y);
  await page.mouse.move(origin.x + point.x, origin.y + point.y);
}

/**
 * Moves the pointer off the name inside a frame, to the frame's bottom-right corner, before it
 * leaves the frame: a frame's hover logic sees only the moves inside it.
 */
export async function leaveFrame(page: HostilePage, selector: string): Promise<void> {
  const corner = await page.evaluate((sel: string) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft + el.clientWidth - 4, y: r.top + el.clientTop + el.clientHeight - 4 };
  }, selector);
  await page.mouse.move(corner.x, corner.y);
}

/**
 * Clicks into the text field `selector` (in the top page, or in a frame whose content starts at
 * `origin`), types after its value and checks that the field holds exactly what was typed.
 */
export async function typeIntoField(
  page: HostilePage,
  selector: string,
  text: string,
  within: { target: Evaluator; origin: Point } = { target: page, origin: { x: 0, y: 0 } },
): Promise<void> {
  // A card left open over the field would take the click.
  await moveMouseAway(page);
  await waitForNoCard(page);
  const field = await within.target.evaluate((sel: string) => {
    const input = document.querySelector(sel) as HTMLInputElement;
    input.scrollIntoView({ block: 'center' });
    const r = input.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, value: input.value };
  }, selector);
  await page.mouse.click(within.origin.x + field.x, within.origin.y + field.y);
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  const value = await within.target.evaluate((sel: string) => (document.querySelector(sel) as HTMLInputElement).value, selector);
  expect(value).toBe(field.value + text);
}

/** Runs in a page or frame: the mention count our host reports, or null before the first scan. */
export function mentionCount(): number | null {
  const value = document.querySelector('context-cards-host')?.getAttribute('data-mentions');
  return value == null ? null : Number(value);
}
