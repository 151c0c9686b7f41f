/**
 * Whether a card is open, for which mention, opened how, and what the pointer or focus is
 * waiting on: one explicit state, changed only by `transition`, a pure function of the state and
 * one input. `HoverIntent` owns the state, turns DOM events into inputs, and carries out what a
 * transition asks (show or hide the card) and what the new state implies (the dwell and grace
 * timers run while `pending` and `leaving` say so).
 */
import type { Mention } from './mention-index';

export type OpenReason = 'hover' | 'click' | 'focus' | 'tap' | 'command';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A mention the pointer or the focus rests on: its card opens when the dwell ends. */
export interface Pending {
  readonly mention: Mention;
  readonly by: 'hover' | 'focus';
  /** The focused element that holds the name (focus only): Esc returns there. */
  readonly focusTarget?: Element | undefined;
  readonly point?: Point | undefined;
}

export type HoverState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'dwelling'; readonly pending: Pending }
  | {
      readonly kind: 'open';
      readonly mention: Mention;
      readonly by: OpenReason;
      readonly pinned: boolean;
      /** The pointer left the name and the card: the grace period runs, then the card closes. */
      readonly leaving: boolean;
      /** Another name the pointer or focus rests on meanwhile. */
      readonly pending: Pending | null;
      /** Where focus goes back when the card closes with Esc or its close button. */
      readonly returnFocus: Element | null;
    };

export type HoverInput =
  /** Where the pointer rests was looked at (each frame it moves): the mention under it, if any. */
  | { readonly type: 'rest'; readonly mention: Mention | null; readonly point: Point; readonly overCard: boolean }
  /** The pointer moves too fast to be resting. */
  | { readonly type: 'sweep' }
  | { readonly type: 'enter-card' }
  | { readonly type: 'leave-card' }
  /** The pointer left the document, or the window lost focus: nothing rests anywhere. */
  | { readonly type: 'pointer-gone'; readonly leaveCard: boolean }
  | { readonly type: 'dwell-ended'; readonly point: Point }
  | { readonly type: 'grace-ended'; readonly overCard: boolean }
  /** A press outside the card, on `mention` if on a name. */
  | { readonly type: 'press'; readonly mention: Mention | null }
  | { readonly type: 'tap'; readonly mention: Mention; readonly point: Point }
  | { readonly type: 'click'; readonly mention: Mention; readonly point: Point }
  | { readonly type: 'focus'; readonly mention: Mention; readonly target: Element }
  /** Focus left `target` (not into the card); `mention` is the one it holds. */
  | { readonly type: 'focus-left'; readonly mention: Mention | null; readonly fromCard: boolean }
  | { readonly type: 'open-now'; readonly mention: Mention; readonly reason: OpenReason; readonly returnFocus: Element | null }
  | { readonly type: 'set-pinned'; readonly pinned: boolean }
  /** Esc, or the card's close button. */
  | { readonly type: 'close' };

export type HoverEffect =
  | { readonly kind: 'open'; readonly mention: Mention; readonly reason: OpenReason; readonly pinned: boolean; readonly point?: Point | undefined }
  | { readonly kind: 'pinned'; readonly pinned: boolean }
  | { readonly kind: 'close'; readonly restoreFocus: boolean; readonly returnFocus: Element | null };

export interface Transition {
  readonly state: HoverState;
  readonly effects: readonly HoverEffect[];
}

export const IDLE: HoverState = { kind: 'idle' };

const NONE: readonly HoverEffect[] = [];

export function sameMention(a: Mention, b: Mention): boolean {
  return a === b || (a.candidate === b.candidate && a.figure === b.figure);
}

/** The state after `input`, and what to do about it. */
export function transition(state: HoverState, input: HoverInput): Transition {
  const open = state.kind === 'open' ? state : null;
  const pending = state.kind === 'idle' ? null : state.pending;
  switch (input.type) {
    case 'rest': {
      const { mention, point } = input;
      if (mention && open && sameMention(mention, open.mention)) return stay({ ...open, leaving: false, pending: null });
      if (mention) {
        if (open?.pinned) return stay(state); // a pinned card stays until closed or replaced by a click
        if (pending && sameMention(mention, pending.mention)) return stay(state);
        return stay(withPending(state, { mention, by: 'hover', point }));
      }
      const next = withPending(state, null);
      if (open && !input.overCard && !open.pinned && open.by === 'hover') return stay(leaving(next));
      return stay(next);
    }
    case 'sweep':
      return stay(withPending(state, null));
    case 'enter-card':
      return stay(open ? { ...open, leaving: false, pending: null } : withPending(state, null));
    case 'leave-card':
      return stay(open && !open.pinned ? { ...open, leaving: true } : state);
    case 'pointer-gone': {
      const next = withPending(state, null);
      return stay(input.leaveCard && open && !open.pinned && open.by === 'hover' ? leaving(next) : next);
    }
    case 'dwell-ended': {
      if (!pending) return stay(state);
      const reason = pending.by;
      const point = reason === 'hover' ? input.point : undefined;
      return opened(pending.mention, reason, false, reason === 'focus' ? (pending.focusTarget ?? null) : null, point);
    }
    case 'grace-ended':
      // The pointer may already rest on another name: its dwell goes on.
      if (!open || input.overCard || open.pinned) return stay(state);
      return closed(open, false, open.pending);
    case 'press':
      if (open && !(input.mention && sameMention(input.mention, open.mention))) return closed(open, false, null);
      return stay(state);
    case 'tap':
      if (open && sameMention(input.mention, open.mention)) return stay(state); // second tap: let the link work
      return opened(input.mention, 'tap', true, null, input.point);
    case 'click':
      if (open && sameMention(input.mention, open.mention)) return pinnedAs(open, !open.pinned);
      return opened(input.mention, 'click', true, null, input.point);
    case 'focus':
      return stay(withPending(open ? { ...open, leaving: false } : state, { mention: input.mention, by: 'focus', focusTarget: input.target }));
    case 'focus-left': {
      let next = state;
      if (pending && input.mention === pending.mention) next = withPending(state, null);
      if (open && open.by === 'focus' && !open.pinned && !input.fromCard) return closed(open, false, null);
      return stay(next);
    }
    case 'open-now':
      return opened(input.mention, input.reason, true, input.returnFocus);
    case 'set-pinned':
      return open ? pinnedAs(open, input.pinned) : stay(state);
    case 'close':
      return open ? closed(open, true, null) : stay(state);
  }
}

function stay(state: HoverState): Transition {
  return { state, effects: NONE };
}

function withPending(state: HoverState, pending: Pending | null): HoverState {
  if (state.kind === 'open') return { ...state, pending };
  return pending ? { kind: 'dwelling', pending } : IDLE;
}

function leaving(state: HoverState): HoverState {
  return state.kind === 'open' ? { ...state, leaving: true } : state;
}

function opened(mention: Mention, reason: OpenReason, pinned: boolean, returnFocus: Element | null, point?: Point): Transition {
  return {
    state: { kind: 'open', mention, by: reason, pinned, leaving: false, pending: null, returnFocus },
    effects: [{ kind: 'open', mention, reason, pinned, point }],
  };
}

function pinnedAs(open: Extract<HoverState, { kind: 'open' }>, pinned: boolean): Transition {
  return { state: { ...open, pinned }, effects: [{ kind: 'pinned', pinned }] };
}

function closed(open: Extract<HoverState, { kind: 'open' }>, restoreFocus: boolean, keepPending: Pending | null): Transition {
  return {
    state: keepPending ? { kind: 'dwelling', pending: keepPending } : IDLE,
    effects: [{ kind: 'close', restoreFocus, returnFocus: open.returnFocus }],
  };
}
