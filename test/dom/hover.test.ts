// Hover intent with a controlled clock: when a card opens, stays and closes for a reader's pointer.
// Real browsers prove the events arrive (e2e); the timing rules are proved here, without flakiness.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, type OpenReason } from '../../src/page/hover';
import type { Mention } from '../../src/page/scanner';

// One name occupies x 100–200, y 0–20, another x 100–200, y 300–320; the card occupies y 40–200.
const NAME = { figure: 3, record: {}, candidate: {} } as unknown as Mention;
const OTHER = { figure: 5, record: {}, candidate: {} } as unknown as Mention;
const onName = { x: 150, y: 10 };
const onOther = { x: 150, y: 310 };
const plainText = { x: 400, y: 10 };

let card: HTMLElement;
let events: string[];
/** Cards prepared ahead (HoverIntent's `prepare`), apart from `events`. */
let prepared: string[];
/** A name the page adds later where the plain text was (a single-page app swapping its story). */
let nameAtPlainText: boolean;
let hover: HoverIntent;
let now: number;

function fakeWindow(): Window {
  return {
    document,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, 16),
    cancelAnimationFrame: (id: number) => clearTimeout(id),
    getSelection: () => document.getSelection(),
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
  } as unknown as Window;
}

function pointer(type: string, at: { x: number; y: number }, target: EventTarget = document.body, pointerType = 'mouse'): void {
  const event = new PointerEvent(type, { clientX: at.x, clientY: at.y, pointerType, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: now });
  target.dispatchEvent(event);
}

/** Moves the pointer in small steps, `msPerStep` apart, as a mouse reports it. */
function moveTo(to: { x: number; y: number }, { from = plainText, steps = 5, msPerStep = 16, target = document.body as EventTarget } = {}): void {
  for (let i = 1; i <= steps; i++) {
    now += msPerStep;
    vi.advanceTimersByTime(msPerStep);
    pointer('pointermove', { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }, target);
  }
}

function wait(ms: number): void {
  now += ms;
  vi.advanceTimersByTime(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  now = 1000;
  events = [];
  prepared = [];
  nameAtPlainText = false;
  card = document.createElement('div');
  document.body.append(card);
  hover = new HoverIntent(
    fakeWindow(),
    {
      mentionAt: (x, y) =>
        nameAtPlainText && x === plainText.x && y === plainText.y
          ? OTHER
          : x < 100 || x > 200
            ? null
            : y >= 0 && y <= 20
              ? NAME
              : y >= 300 && y <= 320
                ? OTHER
                : null,
      mentionIn: () => null,
      isCard: (target) => target instanceof Node && card.contains(target),
      prepare: (mention) => prepared.push(mention === OTHER ? 'other' : 'name'),
      open: (mention, how: { reason: OpenReason; pinned: boolean }) =>
        events.push(`open${mention === OTHER ? '-other' : ''}:${how.reason}${how.pinned ? ':pinned' : ''}`),
      pinned: (pinned) => events.push(pinned ? 'pinned' : 'unpinned'),
      close: () => events.push('close'),
    },
    { dwellMs: 150, graceMs: 300 },
  );
  // Settle the pointer on plain text first, slowly.
  pointer('pointermove', plainText);
  wait(500);
});

afterEach(() => {
  hover.dispose();
  card.remove();
  vi.useRealTimers();
});

describe('hover intent', () => {
  it('opens a card once the pointer has rested on a name for the dwell delay, not before', () => {
    moveTo(onName, { steps: 5, msPerStep: 40 }); // arrives on the name with the last step
    wait(100);
    expect(events).toEqual([]);
    wait(100);
    expect(events).toEqual(['open:hover']);
  });

  it('opens nothing while the pointer sweeps fast across a name, and builds no card for it', () => {
    moveTo({ x: 700, y: 10 }, { from: { x: 0, y: 10 }, steps: 14, msPerStep: 8 }); // 50 px per 8 ms, through the name
    wait(1000);
    expect(events).toEqual([]);
    expect(prepared).toEqual([]);
  });

  it('has the card built ahead, in a task of its own, once the pointer rests on a name', () => {
    moveTo({ x: 250, y: 10 }, { steps: 3, msPerStep: 40 });
    pointer('pointermove', onName);
    wait(16); // the frame that looks under the pointer starts the dwell
    expect(prepared).toEqual([]);
    wait(1);
    expect(prepared).toEqual(['name']);
    expect(events).toEqual([]);
    wait(200);
    expect(events).toEqual(['open:hover']);
    expect(prepared).toEqual(['name']);
  });

  it('builds no card when the pointer leaves the name before the dwell has started it', () => {
    moveTo({ x: 250, y: 10 }, { steps: 3, msPerStep: 40 });
    pointer('pointermove', onName);
    wait(16);
    document.body.dispatchEvent(new PointerEvent('pointerout', { pointerType: 'mouse', bubbles: true, relatedTarget: null }));
    wait(1000);
    expect(prepared).toEqual([]);
    expect(events).toEqual([]);
  });

  it('a grace period lets the pointer travel from the name into the card, which then stays open', () => {
    moveTo(onName, { steps: 20, msPerStep: 40 });
    wait(200);
    expect(events).toEqual(['open:hover']);
    moveTo({ x: 150, y: 30 }, { from: onName, steps: 2, msPerStep: 40 }); // off the name, on the way
    wait(200);
    expect(events).toEqual(['open:hover']);
    moveTo({ x: 150, y: 80 }, { from: { x: 150, y: 30 }, steps: 2, msPerStep: 40, target: card });
    wait(5000);
    expect(events).toEqual(['open:hover']);
    // Leaving the card starts the grace period again; then the card closes.
    moveTo({ x: 500, y: 300 }, { from: { x: 150, y: 80 }, steps: 2, msPerStep: 40 });
    wait(250);
    expect(events).toEqual(['open:hover']);
    wait(400);
    expect(events).toEqual(['open:hover', 'close']);
  });

  it('closes after the grace period when the pointer leaves the name for the page', () => {
    moveTo(onName, { steps: 20, msPerStep: 40 });
    wait(200);
    moveTo({ x: 400, y: 300 }, { from: onName, steps: 3, msPerStep: 40 });
    wait(400);
    expect(events).toEqual(['open:hover', 'close']);
  });

  it('a click on the name pins the card: it stays when the pointer leaves, until Esc', () => {
    moveTo(onName, { steps: 20, msPerStep: 40 });
    wait(200);
    pointer('pointerdown', onName);
    document.body.dispatchEvent(new MouseEvent('click', { clientX: onName.x, clientY: onName.y, bubbles: true, cancelable: true }));
    expect(events).toEqual(['open:hover', 'pinned']);
    moveTo({ x: 400, y: 300 }, { from: onName, steps: 3, msPerStep: 40 });
    wait(5000);
    expect(events).toEqual(['open:hover', 'pinned']);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(events).toEqual(['open:hover', 'pinned', 'close']);
  });

  it('Esc returns the focus to where it was before a keyboard command opened the card', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    hover.openNow(NAME, 'command');
    card.tabIndex = -1;
    card.focus();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(events).toEqual(['open:command:pinned', 'close']);
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('a click that ends a text selection opens no card', () => {
    const text = document.createElement('p');
    text.textContent = 'Selected words';
    document.body.append(text);
    document.getSelection()!.selectAllChildren(text);
    document.body.dispatchEvent(new MouseEvent('click', { clientX: onName.x, clientY: onName.y, bubbles: true, cancelable: true }));
    wait(1000);
    expect(events).toEqual([]);
    expect(document.getSelection()!.toString()).toBe('Selected words');
    document.getSelection()!.removeAllRanges();
    text.remove();
  });

  it("moving from an open card's name to another name opens the other card, even when the first closes meanwhile", () => {
    moveTo(onName, { steps: 5, msPerStep: 40 });
    wait(200);
    expect(events).toEqual(['open:hover']);
    // Off the first name (its grace period starts), onto the second 250 ms later, and rest there:
    // the first card closes while the second name's dwell runs.
    moveTo({ x: 150, y: 150 }, { from: onName, steps: 1, msPerStep: 40 });
    wait(210);
    moveTo(onOther, { from: { x: 150, y: 150 }, steps: 1, msPerStep: 40 });
    wait(1000);
    expect(events).toEqual(['open:hover', 'close', 'open-other:hover']);
    expect(prepared.at(-1)).toBe('other'); // built while the first card was still open
  });

  it('a pointer leaving the document (into another frame, out of the window) starts the grace period', () => {
    moveTo(onName, { steps: 5, msPerStep: 40 });
    wait(200);
    const out = new PointerEvent('pointerout', { clientX: 150, clientY: 10, pointerType: 'mouse', bubbles: true, relatedTarget: null });
    document.body.dispatchEvent(out);
    wait(400);
    expect(events).toEqual(['open:hover', 'close']);
  });

  it('a pending dwell is dropped when the pointer leaves the document', () => {
    moveTo(onName, { steps: 5, msPerStep: 40 });
    document.body.dispatchEvent(new PointerEvent('pointerout', { pointerType: 'mouse', bubbles: true, relatedTarget: null }));
    wait(1000);
    expect(events).toEqual([]);
  });

  it('follows a new dwell delay from the settings', () => {
    hover.setOptions({ dwellMs: 600, graceMs: 300 });
    moveTo(onName, { steps: 5, msPerStep: 40 });
    wait(400);
    expect(events).toEqual([]);
    wait(300);
    expect(events).toEqual(['open:hover']);
  });
});

describe('a name that appears under a resting pointer', () => {
  it('opens after the dwell, without the pointer moving', () => {
    nameAtPlainText = true;
    hover.recheck();
    wait(100);
    expect(events).toEqual([]);
    wait(100);
    expect(events).toEqual(['open-other:hover']);
  });

  it('does not open once the pointer has left the page', () => {
    pointer('pointerout', plainText);
    nameAtPlainText = true;
    hover.recheck();
    wait(500);
    expect(events).toEqual([]);
  });
});
