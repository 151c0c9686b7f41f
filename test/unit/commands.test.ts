// The keyboard commands: the manifest declares each with its default keys, and the background
// forwards exactly those commands (and no other) to the page's top frame.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/extension/protocol';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
  commands: Record<string, { suggested_key?: { default?: string } }>;
};

/** What the background did with the fake browser: its listeners, and every call it made. */
const seen = vi.hoisted(() => ({ listeners: new Map<string, (...args: unknown[]) => unknown>(), calls: [] as { api: string; args: unknown[] }[] }));

// A stand-in for the whole extension API: any namespace, method or event the background uses.
vi.mock('webextension-polyfill', () => {
  const node = (api: string): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : node(api ? `${api}.${key}` : key)),
      apply: (_target, _this, args: unknown[]) => {
        if (api.endsWith('.addListener')) seen.listeners.set(api.slice(0, -'.addListener'.length), args[0] as never);
        seen.calls.push({ api, args });
        return Promise.resolve(api.endsWith('.query') ? [] : {});
      },
    });
  return { default: node('') };
});

describe('keyboard commands', () => {
  it('the manifest declares the three commands with their default shortcuts', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual([...COMMANDS].sort());
    const keys = Object.fromEntries(Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key?.default]));
    expect(keys).toEqual({ 'next-mention': 'Alt+Shift+Period', 'previous-mention': 'Alt+Shift+Comma', 'open-at-caret': 'Alt+Shift+O' });
  });

  it('the background forwards exactly those commands to the top frame of the tab', async () => {
    await import('../../src/extension/background');
    const onCommand = seen.listeners.get('commands.onCommand');
    expect(onCommand).toBeTypeOf('function');
    for (const command of [...COMMANDS, 'not-a-command', '_execute_action']) onCommand!(command, { id: 7 });
    await vi.waitFor(() => expect(seen.calls.filter((c) => c.api === 'tabs.sendMessage')).toHaveLength(COMMANDS.length));
    const sent = seen.calls.filter((c) => c.api === 'tabs.sendMessage').map((c) => c.args);
    expect(sent).toEqual(COMMANDS.map((command) => [7, { type: 'command', command }, { frameId: 0 }]));
  });
});
