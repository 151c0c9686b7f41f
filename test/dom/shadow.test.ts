import { describe, expect, it, vi } from 'vitest';
import { walkBlocks } from '../../src/page/blocks';
import { shadowRootReader } from '../../src/page/shadow';

/** A host element with a closed shadow root holding one paragraph of `text`. */
function closedHost(name: string, text: string): { host: Element; root: ShadowRoot } {
  const host = document.createElement(name);
  const root = host.attachShadow({ mode: 'closed' });
  root.appendChild(document.createElement('p')).textContent = text;
  return { host, root };
}

describe('shadowRootReader', () => {
  it('reads Firefox’s openOrClosedShadowRoot when elements have it', () => {
    const { host, root } = closedHost('news-quote', 'x');
    Object.defineProperty(host, 'openOrClosedShadowRoot', { value: root });
    const chromeDom = { openOrClosedShadowRoot: vi.fn() };
    expect(shadowRootReader(host, chromeDom)(host)).toBe(root);
    expect(chromeDom.openOrClosedShadowRoot).not.toHaveBeenCalled();
  });

  it('asks chrome.dom only for custom elements without an open root', () => {
    const custom = closedHost('news-quote', 'x');
    const plain = closedHost('div', 'y');
    const open = document.createElement('span');
    const openRoot = open.attachShadow({ mode: 'open' });
    const roots = new Map<Element, ShadowRoot>([
      [custom.host, custom.root],
      [plain.host, plain.root],
    ]);
    const chromeDom = { openOrClosedShadowRoot: vi.fn((element: Element) => roots.get(element) ?? null) };
    const read = shadowRootReader(document.body, chromeDom);
    expect(read(custom.host)).toBe(custom.root);
    expect(read(open)).toBe(openRoot);
    // The price of one call: plain elements are not asked, so their closed roots stay unread.
    expect(read(plain.host)).toBeNull();
    expect(read(document.createElement('p'))).toBeNull();
    expect(chromeDom.openOrClosedShadowRoot).toHaveBeenCalledTimes(1);
  });

  it('treats a refusal from chrome.dom as no root', () => {
    const { host } = closedHost('news-quote', 'x');
    const read = shadowRootReader(host, {
      openOrClosedShadowRoot: () => {
        throw new TypeError('not an HTMLElement');
      },
    });
    expect(read(host)).toBeNull();
  });

  it('sees open roots only outside an extension', () => {
    const { host } = closedHost('news-quote', 'x');
    const open = document.createElement('news-card');
    const openRoot = open.attachShadow({ mode: 'open' });
    const read = shadowRootReader(host, undefined);
    expect(read(host)).toBeNull();
    expect(read(open)).toBe(openRoot);
  });
});

describe('text blocks in closed shadow roots', () => {
  it('come after their host’s light text, and are reported like open roots', () => {
    const { host, root } = closedHost('news-quote', 'Inside: Hua Chunying spoke.');
    // What the content script does in Chromium with chrome.dom.
    const shadowRootOf = shadowRootReader(document.body, { openOrClosedShadowRoot: (el: Element) => (el === host ? root : null) });
    document.body.innerHTML = '<p>Outside: Meng Hongwei.</p>';
    document.body.appendChild(host);
    const seen: ShadowRoot[] = [];
    expect([...walkBlocks({ root: document.body, onShadowRoot: (shadow) => seen.push(shadow), shadowRootOf })].map((b) => b.text)).toEqual([
      'Outside: Meng Hongwei.',
      'Inside: Hua Chunying spoke.',
    ]);
    expect(seen).toEqual([root]);
  });
});
