import { describe, expect, it } from 'vitest';
import { walkBlocks } from '../../src/page/blocks';
import { readingStart } from '../../src/page/element-kinds';

function blocksOf(html: string): string[] {
  document.body.innerHTML = html;
  return [...walkBlocks({ root: document.body })].map((b) => b.text);
}

describe('text blocks', () => {
  it('joins text across inline elements', () => {
    expect(blocksOf('<p><b>Wang</b> Yi met <a href="#">Abdul Ghani</a> <em>Baradar</em>.</p>')).toEqual(['Wang Yi met Abdul Ghani Baradar.']);
  });

  it('ends a block at block elements, line breaks, list items and cells', () => {
    expect(blocksOf('<p>Meng</p><p>Hongwei</p>')).toEqual(['Meng', 'Hongwei']);
    expect(blocksOf('Meng<br>Hongwei')).toEqual(['Meng', 'Hongwei']);
    expect(blocksOf('<ul><li>Meng</li><li>Hongwei</li></ul>')).toEqual(['Meng', 'Hongwei']);
    expect(blocksOf('<table><tr><td>Meng</td><td>Hongwei</td></tr></table>')).toEqual(['Meng', 'Hongwei']);
    expect(blocksOf('<div>before<h2>Title</h2>after</div>')).toEqual(['before', 'Title', 'after']);
  });

  it('skips what is not prose', () => {
    const html = [
      '<p>Kept</p>',
      '<script>var name = "Meng Hongwei";</script>',
      '<style>.x{}</style>',
      '<noscript>Meng Hongwei</noscript>',
      '<template><p>Meng Hongwei</p></template>',
      '<textarea>Meng Hongwei</textarea>',
      '<select><option>Meng Hongwei</option></select>',
      '<pre>Meng Hongwei</pre>',
      '<p>code: <code>Meng Hongwei</code></p>',
      '<div contenteditable="true">Meng Hongwei</div>',
      '<div contenteditable="false">Shown</div>',
    ].join('');
    expect(blocksOf(html)).toEqual(['Kept', 'code: ', 'Shown']);
  });

  it('records where each text node starts in its block', () => {
    document.body.innerHTML = '<p><b>Wang</b> Yi</p>';
    const [block] = [...walkBlocks({ root: document.body })];
    expect(block!.starts).toEqual([0, 4]);
    expect(block!.nodes.map((n) => n.data)).toEqual(['Wang', ' Yi']);
  });
});

describe('where a scan can start for the reader', () => {
  it('is the outermost paragraph, list or table around what is in view, else its nearest block', () => {
    document.body.innerHTML =
      '<main><article><ul><li><p><b id="b">x</b></p></li></ul><div><section><span id="s">y</span></section></div></article></main>' +
      '<pre><p id="code">z</p></pre><span id="loose">w</span>';
    const at = (id: string) => readingStart(document.getElementById(id)!, document.documentElement);
    expect(at('b')).toBe(document.querySelector('ul'));
    expect(at('s')).toBe(document.querySelector('section'));
    // Not prose, or no block short of the whole page: the scan starts at the top.
    expect(at('code')).toBeNull();
    expect(at('loose')).toBeNull();
    expect(readingStart(document.getElementById('b')!, document.querySelector('div')!)).toBeNull();
  });
});
