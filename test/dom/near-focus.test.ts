// Alt+Shift+O without a caret: the name in, or else nearest, the focused element.
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { Marks } from '../../src/page/marks';
import { focusedElement, mentionNearElement } from '../../src/page/near-focus';
import { PageScanner } from '../../src/page/scanner';
import { SAMPLE_DATASET } from '../support/figures';

const matcher = new Matcher(SAMPLE_DATASET);

function scan(html: string) {
  document.body.innerHTML = html;
  const scanner = new PageScanner(matcher);
  scanner.scanAll(document.body);
  const marks = new Marks(document, scanner);
  const near = (selector: string) => {
    const mention = mentionNearElement(document.querySelector(selector)!, scanner.mentions(), scanner, marks);
    return mention ? SAMPLE_DATASET.figures[mention.figure]!.name : null;
  };
  return { near };
}

describe('the name near the focus', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('is the name inside the focused element first', () => {
    const { near } = scan('<p>Meng Hongwei and <a id="a" href="#">the Taliban spokesman</a>.</p>');
    expect(near('#a')).toBe('Taliban');
  });

  it('else one in the same paragraph, before a name in the paragraph above', () => {
    const { near } = scan('<p>Osama bin Laden founded al-Qaeda.</p><p>Read: <a id="a" href="#">a profile</a> of Meng Hongwei.</p>');
    expect(near('#a')).toBe('Meng Hongwei');
  });

  it('else one in the nearest ancestor that holds any; none on a page without names', () => {
    const { near } = scan('<section><p>About Osama bin Laden.</p><div><button id="b">More</button></div></section>');
    expect(near('#b')).toBe('Osama bin Laden');
    expect(scan('<p><a id="a" href="#">nothing here</a></p>').near('#a')).toBeNull();
  });

  it('follows the focus into open shadow roots, and ignores the page itself and our card', () => {
    document.body.innerHTML = '<div id="host"></div><button id="mine">ours</button>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<a id="inner" href="#">link</a>';
    (root.getElementById('inner') as HTMLElement).focus();
    expect(focusedElement(document, () => false)?.id).toBe('inner');
    (document.getElementById('mine') as HTMLElement).focus();
    expect(focusedElement(document, (el) => el.id === 'mine')).toBeNull();
    (document.activeElement as HTMLElement).blur();
    expect(focusedElement(document, () => false)).toBeNull();
  });
});
