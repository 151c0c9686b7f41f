// The page layer knows our own elements only from what the extension layer hands it (bug 1), and
// our host, the last child of <html>, must not make page insertions next to it rescan the whole
// document (bug 2).
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { dirtyFromMutations } from '../../src/page/rescan-work';
import { PageScanner } from '../../src/page/scanner';
import { SAMPLE_DATASET } from '../support/figures';
import { mutationsOf } from '../support/mutations';

const matcher = new Matcher(SAMPLE_DATASET);

/** Our card host as the extension makes it when the page already owns its usual tag: a suffixed tag. */
function addOurHost(): HTMLElement {
  const host = document.createElement('context-cards-host-k3x9q2');
  host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog"><h2>Meng Hongwei</h2><p>Former president of Interpol; met the Taliban.</p></div>';
  document.documentElement.append(host);
  return host;
}

describe('our own elements', () => {
  beforeEach(() => {
    // (A copy: removing from the live collection while walking it would skip elements.)
    for (const el of Array.from(document.documentElement.children)) if (el !== document.head && el !== document.body) el.remove();
    document.body.innerHTML = '<p>Abdul Ghani Baradar spoke.</p>';
  });

  it('the scanner never reads an element the extension says is ours, whatever its tag (bug 1)', () => {
    // The page took our usual tag for a component of its own.
    const theirs = document.createElement('context-cards-host');
    theirs.attachShadow({ mode: 'open' }).innerHTML = '<p>Osama bin Laden</p>';
    document.body.append(theirs);
    const host = addOurHost();
    const isOurs = (node: Node): boolean => node === host || host.contains(node);
    const scanner = new PageScanner(matcher, { isOurs });
    scanner.scanAll(document.documentElement);
    const ids = scanner.mentions().map((m) => SAMPLE_DATASET.figures[m.figure]!.id);
    // The page's own component with our usual tag is the page's text, and is read.
    expect(ids).toEqual(['abdul-ghani-baradar', 'osama-bin-laden']);
    expect([...scanner.shadowRoots].map((root) => root.host)).toEqual([theirs]);
  });

  it('an insertion at the <html> level after our host rescans only what was inserted (bug 2)', async () => {
    const host = addOurHost();
    const isOurs = (node: Node): boolean => node === host || host.contains(node);
    const added = document.createElement('div');
    added.textContent = 'Zabihullah Mujahid';
    const records = await mutationsOf(document.documentElement, () => document.documentElement.append(added));
    const dirty = dirtyFromMutations(records, isOurs);
    expect([...dirty.containers]).toEqual([added]);
  });

  it('a block inserted right before our host, or with whitespace beside it, rescans only that block (bug 2)', async () => {
    const host = addOurHost();
    const isOurs = (node: Node): boolean => node === host || host.contains(node);
    const before = document.createElement('section');
    before.textContent = 'Zabihullah Mujahid';
    const after = document.createElement('div');
    after.textContent = 'Meng Hongwei';
    const records = await mutationsOf(document.documentElement, () => {
      document.documentElement.insertBefore(before, host);
      document.documentElement.append('\n', after, '\n');
    });
    const dirty = dirtyFromMutations(records, isOurs);
    expect(new Set(dirty.containers)).toEqual(new Set([before, after]));
  });
});
