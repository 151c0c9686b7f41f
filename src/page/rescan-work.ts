/**
 * What a batch of mutation records leaves to do, as pure functions of the records: which
 * containers to rescan (and which of them to read together), which nodes to forget. Our own
 * nodes, which the extension layer names through `isOurs`, are never work, nor does their
 * presence next to the page's make an insertion touch running text. Each pass pauses (yields)
 * when the slice budget says so: a page that swaps its content in place hands over records of
 * tens of thousands of nodes, one long task if gone through in one go.
 */
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, blockContainerOf, isBlockElement, type BlockContainer } from './element-kinds';
import { inOneGo, NO_PAUSE, type SliceBudget } from './read-blocks';
import { NODES_PER_BUDGET_CHECK } from './timing';

/** Counts nodes gone through, and says when to ask the budget (every `NODES_PER_BUDGET_CHECK`). */
function pacer(budget: SliceBudget): () => boolean {
  let seen = 0;
  return () => ++seen % NODES_PER_BUDGET_CHECK === 0 && !budget();
}

/** Containers to rescan together: `first`, `last` and what lies between them. */
export interface ContainerRun {
  first: BlockContainer;
  last: BlockContainer;
}

/**
 * The containers as runs: blocks added next to each other (only whitespace or comments between them,
 * as when a page appends a page of results) are read in one pass, as a scan reads them; any other
 * container is a run of its own.
 */
export function* runsSteps(
  containers: readonly BlockContainer[],
  added: ReadonlySet<BlockContainer>,
  budget: SliceBudget,
): Generator<void, ContainerRun[], undefined> {
  const pause = pacer(budget);
  const runs: ContainerRun[] = [];
  const rescanned = new Set(containers);
  const inRun = (node: Node | null): node is Element => node !== null && added.has(node as Element) && rescanned.has(node as Element);
  for (const container of containers) {
    if (pause()) yield;
    if (!added.has(container)) {
      runs.push({ first: container, last: container });
      continue;
    }
    if (inRun(besideSkippingSpace(container, 'previousSibling'))) continue; // read with the run's first block
    let last: BlockContainer = container;
    for (let next = besideSkippingSpace(last, 'nextSibling'); inRun(next); next = besideSkippingSpace(last, 'nextSibling')) {
      last = next;
      if (pause()) yield;
    }
    runs.push({ first: container, last });
  }
  return runs;
}

/**
 * The containers still in the page, without those that lie inside another container of the set
 * (within its tree, as `contains` does).
 */
export function* liveOutermostSteps(containers: Iterable<BlockContainer>, budget: SliceBudget): Generator<void, BlockContainer[], undefined> {
  const pause = pacer(budget);
  const set = new Set(containers);
  // Whether a node or an ancestor of it is in the set, kept for each node asked: siblings share the answer.
  const held = new Map<Node, boolean>();
  const isHeld = (node: Node | null): boolean => {
    if (node === null) return false;
    let known = held.get(node);
    if (known === undefined) {
      known = set.has(node as BlockContainer) || isHeld(node.parentNode);
      held.set(node, known);
    }
    return known;
  };
  const out: BlockContainer[] = [];
  for (const c of set) {
    if (c.isConnected && !isHeld(c.parentNode)) out.push(c);
    if (pause()) yield;
  }
  return out;
}

/** What a batch of mutations leaves to do: containers to rescan, nodes to forget. */
export interface Dirty {
  containers: Set<BlockContainer>;
  removed: Node[];
  /** The containers that are blocks added by these mutations (nothing in them was read before). */
  added: Set<BlockContainer>;
}

/** Which containers to rescan and which nodes to forget, from a batch of mutation records, in one go (tests; the live scan slices with `dirtySteps`). */
export function dirtyFromMutations(records: readonly MutationRecord[], isOurs: (node: Node) => boolean): Dirty {
  return inOneGo(dirtySteps(records, isOurs, NO_PAUSE));
}

/** `dirtyFromMutations`, pausing (yielding) when `budget` says so. */
export function* dirtySteps(records: readonly MutationRecord[], isOurs: (node: Node) => boolean, budget: SliceBudget): Generator<void, Dirty, undefined> {
  const pause = pacer(budget);
  const containers = new Set<BlockContainer>();
  const added = new Set<BlockContainer>();
  const removed: Node[] = [];
  for (const record of records) {
    if (isOurs(record.target)) continue;
    if (record.type === 'characterData') {
      const container = blockContainerOf(record.target);
      if (container) containers.add(container);
      continue;
    }
    // Text or an inline element added or removed changes the text of the block around it. Blocks and
    // whitespace change it only where they land in running text (splitting it) or leave it (joining
    // it): appending paragraphs, and the line breaks between them, must not send the whole parent,
    // often the whole article, to a rescan. What a record adds or removes lies side by side, so
    // that is decided at the two ends of the run.
    let onlyBlocksOrSpace = true;
    let firstAdded: Node | null = null;
    let lastAdded: Node | null = null;
    for (const node of record.addedNodes) {
      if (pause()) yield;
      if (isOurs(node)) continue;
      firstAdded ??= node;
      lastAdded = node;
      if (isBlock(node)) {
        containers.add(node as Element);
        added.add(node as Element);
      } else if (!isSpace(node)) onlyBlocksOrSpace = false;
    }
    let anyRemoved = false;
    for (const node of record.removedNodes) {
      if (pause()) yield;
      if (isOurs(node)) continue;
      removed.push(node);
      anyRemoved = true;
      if (!isBlock(node) && !isSpace(node)) onlyBlocksOrSpace = false;
    }
    const touchesFlow =
      !onlyBlocksOrSpace ||
      (firstAdded !== null && !betweenBlocks(record.target, firstAdded.previousSibling, lastAdded!.nextSibling, isOurs)) ||
      (anyRemoved && !betweenBlocks(record.target, record.previousSibling, record.nextSibling, isOurs));
    if (touchesFlow) {
      const container = blockContainerOf(record.target);
      if (container) containers.add(container);
    }
  }
  return { containers, removed, added };
}

/**
 * True when no running text lies right before `before` or right after `after`, children of
 * `parent`: only blocks, whitespace, our own elements (which hold no page text), or the edge of a block.
 */
function betweenBlocks(parent: Node, before: Node | null, after: Node | null, isOurs: (node: Node) => boolean): boolean {
  const edge = (n: Node | null, way: 'previousSibling' | 'nextSibling'): boolean => {
    while (n && (isSpace(n) || isOurs(n))) n = n[way];
    return n === null ? endsBlocks(parent) : isBlock(n);
  };
  return edge(before, 'previousSibling') && edge(after, 'nextSibling');
}

function isBlock(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && isBlockElement(node as Element);
}

/** Whitespace or a comment: nothing a reader sees between two blocks. */
function isSpace(node: Node): boolean {
  return node.nodeType === COMMENT_NODE || isWhitespaceText(node);
}

/** The nearest sibling of `node` in direction `way` that is not whitespace or a comment. */
function besideSkippingSpace(node: Node, way: 'previousSibling' | 'nextSibling'): Node | null {
  let n = node[way];
  while (n && isSpace(n)) n = n[way];
  return n;
}

function isWhitespaceText(node: Node): boolean {
  return node.nodeType === TEXT_NODE && (node as Text).data.trim() === '';
}

/** Whether the edges of `parent`'s content are the edges of a block (not of an inline element inside running text). */
function endsBlocks(parent: Node): boolean {
  return parent.nodeType !== ELEMENT_NODE || isBlockElement(parent as Element);
}
