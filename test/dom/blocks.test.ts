import { describe, expect, it } from 'vitest';
import { walkBlocks } from '../../src/page/blocks';

function blocksOf(html: string): string[] {
  document.body.innerHTML = html;
  return [...walkBlocks(document.body)].map((b) => b.text);
}

describe('text blocks', () => {
  it('joins text across inline elements', () => {
    expect(blocksOf('<p><b>Wang</b> Yi met <a href="#">Abdul Ghani</a> <em>Baradar</em>.</p>')).toEqual([
      'Wang Yi met Abdul Ghani Baradar.',
    ]);
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
    const [block] = [...walkBlocks(document.body)];
    expect(block!.starts).toEqual([0, 4]);
    expect(block!.nodes.map((n) => n.data)).toEqual(['Wang', ' Yi']);
  });
});
