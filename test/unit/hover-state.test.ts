// The hover state as a pure function: each input's effect is checked without timers or a DOM.
import { describe, expect, it } from 'vitest';
import { IDLE, transition, type HoverInput, type HoverState } from '../../src/page/hover-state';
import type { Mention } from '../../src/page/mention-index';

const A = { figure: 1, record: {}, candidate: {} } as unknown as Mention;
const B = { figure: 2, record: {}, candidate: {} } as unknown as Mention;
const at = { x: 1, y: 2 };

function run(inputs: HoverInput[], state: HoverState = IDLE): { state: HoverState; effects: string[] } {
  const effects: string[] = [];
  for (const input of inputs) {
    const next = transition(state, input);
    state = next.state;
    for (const e of next.effects)
      effects.push(e.kind === 'pinned' ? `pinned:${e.pinned}` : e.kind === 'open' ? `open:${e.reason}:${e.pinned}` : `close:${e.restoreFocus}`);
  }
  return { state, effects };
}

describe('hover state', () => {
  it('rest on a name, then the dwell ends: an unpinned hover card', () => {
    const { state, effects } = run([
      { type: 'rest', mention: A, point: at, overCard: false },
      { type: 'dwell-ended', point: at },
    ]);
    expect(effects).toEqual(['open:hover:false']);
    expect(state).toMatchObject({ kind: 'open', mention: A, by: 'hover', pinned: false, leaving: false, pending: null });
  });

  it('leaving the name starts the grace period, whose end closes the card; a pinned card stays', () => {
    const open = run([
      { type: 'rest', mention: A, point: at, overCard: false },
      { type: 'dwell-ended', point: at },
    ]).state;
    const left = run([{ type: 'rest', mention: null, point: at, overCard: false }], open).state;
    expect(left).toMatchObject({ kind: 'open', leaving: true });
    expect(run([{ type: 'grace-ended', overCard: false }], left)).toEqual({ state: IDLE, effects: ['close:false'] });
    const pinned = run([{ type: 'click', mention: A, point: at }], open);
    expect(pinned.effects).toEqual(['pinned:true']);
    expect(run([{ type: 'rest', mention: null, point: at, overCard: false }], pinned.state).state).toMatchObject({ leaving: false, pinned: true });
  });

  it('a dwell on another name goes on when the grace period closes the first card', () => {
    const open = run([
      { type: 'rest', mention: A, point: at, overCard: false },
      { type: 'dwell-ended', point: at },
    ]).state;
    const { state } = run([{ type: 'rest', mention: B, point: at, overCard: false }, { type: 'leave-card' }, { type: 'grace-ended', overCard: false }], open);
    expect(state).toMatchObject({ kind: 'dwelling', pending: { mention: B, by: 'hover' } });
  });

  it('a click on another name replaces the card, pinned; Esc closes it and returns focus', () => {
    const link = {} as Element;
    const { state, effects } = run([
      { type: 'open-now', mention: A, reason: 'command', returnFocus: link },
      { type: 'click', mention: B, point: at },
      { type: 'close' },
    ]);
    expect(effects).toEqual(['open:command:true', 'open:click:true', 'close:true']);
    expect(state).toBe(IDLE);
  });
});
