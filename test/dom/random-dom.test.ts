import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { walkBlocks } from '../../src/page/blocks';
import { readingStart } from '../../src/page/element-kinds';
import { dirtyFromMutations } from '../../src/page/rescan-work';
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
      .tuple(
        fc.constantFrom(
          'b',
          'i',
          'span',
          'a',
          'p',
          'div',
          'li',
          'ul',
          'td',
          'tr',
          'table',
          'br',
          'code',
          'pre',
          'textarea',
          'h2',
          'news-card',
          'p-host',
          'editable',
        ),
        tie('nodes'),
      )
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
        expect(fromScanner(scanner)).toEqual(
          mentionsOn(
            [...walkBlocks({ root: document.body })].map((b) => b.text),
            matcher,
          ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same from wherever the reader is looking as in page order', () => {
    const ids = (scanner: PageScanner) => scanner.mentions().map((m) => `${m.figure}:${m.candidate.text}`);
    fc.assert(
      fc.property(tree, fc.nat(), (nodes, pick) => {
        document.body.replaceChildren(...nodes);
        const inOrder = new PageScanner(matcher);
        inOrder.scanAll(document.body);
        const elements = document.body.querySelectorAll('*');
        const from = elements.length ? readingStart(elements[pick % elements.length]!, document.body) : null;
        const scanner = new PageScanner(matcher);
        for (const _ of scanner.scanSteps(document.body, () => false, from)) {
          // every pause
        }
        expect(ids(scanner)).toEqual(ids(inOrder));
      }),
      { numRuns: 500 },
    );
  });
});

describe('updating after random mutations', () => {
  const pieces = ['Meng', ' ', 'Hongwei', 'Wang Yi', 'Taliban', '孟宏伟', 'foreign minister', 'x', '.', 'bin Laden', 'Baradar', 'Mullah'];
  const tags = ['b', 'i', 'span', 'a', 'p', 'div', 'li', 'ul', 'h2', 'code'];
  /** A page as data, so that a failing case prints as something to read. */
  type Spec = string | [string, Spec[]];
  const page = fc.letrec<{ node: Spec; nodes: Spec[] }>((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...pieces), fc.tuple(fc.constantFrom(...tags), tie('nodes'))),
    nodes: fc.array(tie('node'), { maxLength: 5 }),
  })).nodes;
  const build = (spec: Spec): Node => {
    if (typeof spec === 'string') return document.createTextNode(spec);
    const el = document.createElement(spec[0]);
    for (const child of spec[1]) el.appendChild(build(child));
    return el;
  };
  /** Nodes inserted together, as a page appends a page of results: blocks, and what may lie between them. */
  const runPieces = fc.array(fc.constantFrom('p', 'div', 'li', 'h2', 'editable', 'space', 'comment', 'text'), { minLength: 2, maxLength: 6 });
  const runNode = (piece: string, text: string): Node => {
    if (piece === 'space') return document.createTextNode('\n  ');
    if (piece === 'comment') return document.createComment(text);
    if (piece === 'text') return document.createTextNode(text);
    const el = document.createElement(piece === 'editable' ? 'div' : piece);
    if (piece === 'editable') el.setAttribute('contenteditable', 'true');
    el.append(text, ' ', build(['i', ['Wang Yi']]));
    return el;
  };
  /**
   * What a script does to a page: add text, remove a node, change text, wrap a node (the wrapper
   * inserted first, or built around it off the page and then inserted), insert an element, insert
   * a run of blocks.
   */
  const mutation = fc.tuple(
    fc.constantFrom('append', 'remove', 'text', 'wrap', 'rehome', 'insert', 'run'),
    fc.nat(),
    fc.constantFrom(...pieces),
    fc.constantFrom(...tags),
    runPieces,
  );
  const mutate = ([kind, pick, text, tag, run]: [string, number, string, string, string[]]): void => {
    const nodes: Node[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) nodes.push(n);
    if (nodes.length === 0) {
      if (kind === 'append') document.body.append(text);
      return;
    }
    const target = nodes[pick % nodes.length]!;
    const parent = target.parentNode!;
    if (kind === 'append') (target.nodeType === Node.ELEMENT_NODE ? target : parent).appendChild(document.createTextNode(text));
    else if (kind === 'remove') parent.removeChild(target);
    else if (kind === 'text') {
      if (target.nodeType === Node.TEXT_NODE) (target as Text).data = text;
    } else if (kind === 'wrap') parent.insertBefore(document.createElement(tag), target).appendChild(target);
    else if (kind === 'rehome') {
      const next = target.nextSibling;
      const wrapper = document.createElement(tag);
      wrapper.appendChild(target);
      parent.insertBefore(wrapper, next);
    } else if (kind === 'run') {
      const fragment = document.createDocumentFragment();
      for (const piece of run) fragment.appendChild(runNode(piece, text));
      parent.insertBefore(fragment, target);
    } else parent.insertBefore(build([tag, [text]]), target);
  };
  const mentionsOf = (scanner: PageScanner) => scanner.mentions().map((m) => `${SAMPLE_DATASET.figures[m.figure]!.id}:${m.candidate.text}`);

  // The mutations are read in one batch, or one batch each (the scanner then keeps state across updates).
  it('finds what a fresh scan of the mutated page finds', () => {
    fc.assert(
      fc.property(page, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (spec, mutations, batchEach) => {
        document.body.replaceChildren(...spec.map(build));
        const scanner = new PageScanner(matcher);
        scanner.scanAll(document.body);
        const observer = new MutationObserver(() => undefined);
        observer.observe(document.body, { childList: true, characterData: true, subtree: true });
        const update = (): void => scanner.update(dirtyFromMutations(observer.takeRecords(), () => false));
        for (const m of mutations) {
          mutate(m);
          if (batchEach) update();
        }
        update();
        observer.disconnect();
        const fresh = new PageScanner(matcher);
        fresh.scanAll(document.body);
        expect(mentionsOf(scanner)).toEqual(mentionsOf(fresh));
      }),
      { numRuns: 1000 },
    );
  });
});
