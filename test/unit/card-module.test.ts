/**
 * The hand-over between content.js and card.js in one frame's isolated world: the content script
 * asks for card.js once, takes its module when it has run, and says so when it did not run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCardModule, registerCardModule, type CardModule } from '../../src/extension/card-module';

const KEY = Symbol.for('context-cards.card-module');
const cardModule: CardModule = { createCards: () => ({}) as never };

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('the card module hand-over', () => {
  it('asks for card.js once and takes the module it registers', async () => {
    const inject = vi.fn(async () => registerCardModule(cardModule));
    await expect(loadCardModule(inject)).resolves.toBe(cardModule);
    await expect(loadCardModule(inject)).resolves.toBe(cardModule);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('takes a module that card.js registered before it was asked for (injected twice, or by a session now stopped)', async () => {
    registerCardModule(cardModule);
    const inject = vi.fn(async () => undefined);
    await expect(loadCardModule(inject)).resolves.toBe(cardModule);
    expect(inject).not.toHaveBeenCalled();
  });

  it('fails when card.js could not run, and asks again next time', async () => {
    await expect(loadCardModule(async () => undefined)).rejects.toThrow(/did not run/);
    await expect(loadCardModule(() => Promise.reject(new Error('no access')))).rejects.toThrow('no access');
    await expect(loadCardModule(async () => registerCardModule(cardModule))).resolves.toBe(cardModule);
  });
});
