/**
 * A blank frame (an ad or widget still loading, an `about:blank` frame a script will write into)
 * starts nothing until something readable is added to it; a frame with something to read starts at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { whenNotBlank } from '../../src/extension/blank-page';

const openRoots = (element: Element) => element.shadowRoot;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.replaceChildren();
});

describe('a blank frame', () => {
  it('starts at once when the body holds text', () => {
    document.body.innerHTML = '<div id="app">Loading…</div>';
    let started = 0;
    whenNotBlank(document, openRoots, () => started++);
    expect(started).toBe(1);
  });

  it('waits through scripts, styles and white space, and starts once when text arrives', async () => {
    document.body.innerHTML = '\n  <script>void 0</script><style>p{}</style><!-- ad slot -->\n';
    let started = 0;
    whenNotBlank(document, openRoots, () => started++);
    document.body.append(document.createElement('script'), document.createTextNode('   '));
    await settle();
    expect(started).toBe(0);

    const p = document.createElement('p');
    p.textContent = 'Zabihullah Mujahid spoke in Kabul.';
    document.body.append(p);
    await settle();
    expect(started).toBe(1);
    document.body.append(document.createElement('p'));
    await settle();
    expect(started).toBe(1);
  });

  it('starts when an empty element is added (a script will fill it)', async () => {
    document.body.innerHTML = '';
    let started = 0;
    whenNotBlank(document, openRoots, () => started++);
    document.body.append(document.createElement('main'));
    await settle();
    expect(started).toBe(1);
  });

  it('is not blank when its body hosts a shadow root', () => {
    document.body.innerHTML = '';
    const reader = (element: Element) => (element === document.body ? ({} as ShadowRoot) : null);
    let started = 0;
    whenNotBlank(document, reader, () => started++);
    expect(started).toBe(1);
  });
});
