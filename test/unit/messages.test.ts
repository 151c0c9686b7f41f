import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/extension/protocol';

describe('messages between the extension parts', () => {
  it('accepts the messages it knows', () => {
    expect(parseMessage({ type: 'figures-on-page', figures: ['wang-yi', 'taliban'] })).toEqual({ type: 'figures-on-page', figures: ['wang-yi', 'taliban'] });
    expect(parseMessage({ type: 'figures-on-page', figures: [] })).toEqual({ type: 'figures-on-page', figures: [] });
    expect(parseMessage({ type: 'command', command: 'next-mention' })).toEqual({ type: 'command', command: 'next-mention' });
  });

  it.each([
    null,
    'figures-on-page',
    [],
    { type: 'figures-on-page' },
    { type: 'figures-on-page', count: 3 },
    { type: 'figures-on-page', figures: 'wang-yi' },
    { type: 'figures-on-page', figures: [3] },
    { type: 'figures-on-page', figures: ['<img src=x>'] },
    { type: 'figures-on-page', figures: Array.from({ length: 10_001 }, (_, i) => `f${i}`) },
    { type: 'command', command: 'rm -rf' },
    { type: 'eval', code: 'alert(1)' },
  ])('drops a malformed message: %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('keeps only the fields it knows', () => {
    expect(parseMessage({ type: 'figures-on-page', figures: ['kabul', 'kabul'], extra: '<img src=x>' })).toEqual({
      type: 'figures-on-page',
      figures: ['kabul'],
    });
  });
});
