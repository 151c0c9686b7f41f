import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { walkBlocks } from '../../src/page/blocks';
import { PageScanner } from '../../src/page/scanner';
import { mentionsOn, SAMPLE_DATASET } from '../support/figures';

const matcher = new Matcher(SAMPLE_DATASET);

/** A random tree of elements (inline, block and skipped) holding pieces of names and noise. */
const tree: fc.Arbitrary<Node[]> = fc.letrec<{ node: Node; nodes: Node[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .constantFrom('Meng', ' ', 'Hongwei', 'Wang Yi', 'Taliban', '孟宏伟', 'foreign minister', 'x', '\u00a0', '\u00ad', '.', 'bin Laden')
      .map((text) => document.createTextNode(text)),
    fc
      .tuple(fc.constantFrom('b', 'i', 'span', 'a', 'p', 'div', 'li', 'ul', 'td', 'tr', 'table', 'br', 'code', 'pre', 'textarea', 'h2', 'news-card', 'p-host', 'editable'), tie('nodes'))
      .map(([tag, children]) => {
        const el = document.createElement(tag === 'editable' ? 'div' : tag === 'p-host' ? 'p' : tag);
        if (tag === 'editable') el.setAttribute('contenteditable', '');
        // A web component (or a paragraph hosting a shadow tree): a light child, then the shadow
        // root, which holds the rest and a name of its own.
        const hosts = tag === 'news-card' || tag === 'p-host';
        if (hosts) el.append('x');
        const into = hosts ? el.attachShadow({ mode: 'open' }) : el;
        if (hosts) into.append('Meng Hongwei ');
        for (const child of children as Node[]) if (tag !== 'br') into.appendChild(child);
        return el;
      }),
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }) as fc.Arbitrary<Node[]>,
})).nodes;

describe('scanning random DOM', () => {
  it('never throws, and every mention covers exactly the text it reports', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        document.body.replaceChildren(...nodes);
        const scanner = new PageScanner(matcher);
        scanner.scanAll(document.body);
        for (const mention of scanner.mentions()) {
          const { start, end } = scanner.boundsOf(mention);
          const range = document.createRange();
          range.setStart(start.node, start.offset);
          range.setEnd(end.node, end.offset);
          expect(range.toString()).toBe(mention.candidate.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('scanning random DOM', () => {
  it('finds what matching every block of the page finds (blocks it steps over hold nothing)', () => {
    const fromScanner = (scanner: PageScanner) => scanner.mentions().map((m) => ({ figure: SAMPLE_DATASET.figures[m.figure]!.id, text: m.candidate.text }));
    fc.assert(
      fc.property(tree, (nodes) => {
        document.body.replaceChildren(...nodes);
        const scanner = new PageScanner(matcher);
        scanner.scanAll(document.body);
        expect(fromScanner(scanner)).toEqual(mentionsOn([...walkBlocks(document.body)].map((b) => b.text), matcher));
      }),
      { numRuns: 500 },
    );
  });
});
