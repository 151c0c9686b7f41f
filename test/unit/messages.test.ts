import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/extension/messages';

describe('messages between the extension parts', () => {
  it('accepts the messages it knows', () => {
    expect(parseMessage({ type: 'figures-on-page', count: 3 })).toEqual({ type: 'figures-on-page', count: 3 });
    expect(parseMessage({ type: 'command', command: 'next-mention' })).toEqual({ type: 'command', command: 'next-mention' });
  });

  it.each([
    null,
    'figures-on-page',
    [],
    { type: 'figures-on-page' },
    { type: 'figures-on-page', count: -1 },
    { type: 'figures-on-page', count: 1.5 },
    { type: 'figures-on-page', count: '3' },
    { type: 'figures-on-page', count: 1e9 },
    { type: 'command', command: 'rm -rf' },
    { type: 'eval', code: 'alert(1)' },
  ])('drops a malformed message: %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('keeps only the fields it knows', () => {
    expect(parseMessage({ type: 'figures-on-page', count: 2, extra: '<img src=x>' })).toEqual({ type: 'figures-on-page', count: 2 });
  });
});
