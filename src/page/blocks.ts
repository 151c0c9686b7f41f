/**
 * Text blocks: the page's prose as a reader sees it, read by a cursor one block at a time. Text
 * nodes are joined across inline elements (`<b>Wang</b> Yi` is one block) and split at block
 * boundaries (`p`, `li`, `td`, `br`, headings…). Nothing that is not prose is read (see
 * `element-kinds.ts`), nor our own UI, which the extension layer names through `isOurs`.
 */
import { ELEMENT_NODE, IS_BLOCK, IS_LEAF_BLOCK, IS_SKIPPED, MAY_HOST, TEXT_NODE, isEditable, isInsideSkipped, kindOf } from './element-kinds';
import { openShadowRoots, type ShadowRootReader } from './shadow';
import { PAUSE_AFTER_CHARS } from './timing';
import { frame, type Frame } from './tree-walk';

export interface TextBlock {
  /** The text nodes of the block, in order. */
  readonly nodes: Text[];
  /** Offset of each node's first character in `text`. */
  readonly starts: number[];
  readonly text: string;
}

/**
 * Which part of the tree under a cursor's root to read:
 * - `all`: the whole tree;
 * - `siblings`: the root, `last` (a sibling after it) and what lies between them, in one pass as a
 *   scan of their parent would read them, not the rest of the parent;
 * - `from`: the tree from `start` (an element the walk meets as such, see `readingStart`) to its end;
 * - `until`: the tree from its start up to `end` (likewise).
 */
export type CursorRange =
  | { readonly kind: 'all' }
  | { readonly kind: 'siblings'; readonly last: Node }
  | { readonly kind: 'from'; readonly start: Element }
  | { readonly kind: 'until'; readonly end: Element };

const WHOLE_TREE: CursorRange = { kind: 'all' };

export interface BlockCursorOptions {
  readonly root: Node;
  readonly range?: CursorRange | undefined;
  /** Hears of each shadow root the cursor reads into, so that its mutations can be watched too. */
  readonly onShadowRoot?: ((shadow: ShadowRoot) => void) | undefined;
  /** Whether a text may hold a name or cue at all; without it, every block is read. */
  readonly mayHoldNames?: ((text: string) => boolean) | undefined;
  /** How to read an element's shadow root (closed roots are read only where the extension may). */
  readonly shadowRootOf?: ShadowRootReader | undefined;
  /**
   * Our own UI, never read: the extension layer says which elements are ours. Our UI is an element
   * whose content lives in its shadow root (the card host), so this is asked of each shadow host
   * before the cursor reads into it, which costs nothing per element of the page.
   */
  readonly isOurs?: ((node: Node) => boolean) | undefined;
}

/**
 * The blocks under `root`, in document order. The text of open shadow roots (web components)
 * comes as blocks of its own, right after its host's light content.
 */
export function* walkBlocks(options: BlockCursorOptions): Generator<TextBlock, void, undefined> {
  const cursor = new BlockCursor(options);
  while (cursor.next()) {
    if (cursor.text.trim().length) yield cursor.take();
  }
}

/**
 * Reads the blocks under a root one at a time, into arrays it reuses: the scanner's hot path,
 * with no object per block and one call into the DOM per node (a native TreeWalker). `next()`
 * moves to the next block, which `parts` (the data of its text nodes), `nodes`, `starts`,
 * `count` and `length` describe until the following call; its `text` is joined only when asked
 * for (most blocks name nobody, and the matcher's prefilter reads the parts). `take()` copies
 * it out. Blocks of whitespace only are not skipped here (`walkBlocks` skips them).
 *
 * A block ends where the walk enters a block element, a skipped element or a shadow host, or
 * leaves a block element: that is, where the nearest block ancestor of the text changes.
 *
 * Given `mayHoldNames`, the cursor may leave out blocks that cannot matter: a paragraph, heading,
 * list, item, table or row whose whole text (one native `textContent`) `mayHoldNames` turns down,
 * and that holds no shadow root, is stepped over without reading its text nodes one by one. Each of its
 * blocks' text is a piece of that whole text, so what the test turns down no block of it has.
 */
export class BlockCursor {
  /** How many text nodes the current block has: the first `count` of `nodes`, `parts` and `starts`. */
  count = 0;
  /** Length of the current block's text. */
  length = 0;
  /** Characters stepped over (in blocks that cannot matter) on the way to the current block. */
  stepped = 0;
  readonly nodes: Text[] = [];
  /** The data of each text node. */
  readonly parts: string[] = [];
  /** Offset of each node's first character in `text`. */
  readonly starts: number[] = [];
  #text: string | null = '';
  readonly #onShadowRoot: ((shadow: ShadowRoot) => void) | undefined;
  readonly #mayHoldNames: ((text: string) => boolean) | undefined;
  readonly #shadowRootOf: ShadowRootReader;
  readonly #isOurs: ((node: Node) => boolean) | undefined;
  readonly #frames: Frame[] = [];
  /** The text node that ended the last block: the first of the next one. */
  #carry: Text | null = null;
  /** A shadow root met after the last block ended: read it next. */
  #shadow: ShadowRoot | null = null;

  constructor({ root, range = WHOLE_TREE, onShadowRoot, mayHoldNames, shadowRootOf = openShadowRoots, isOurs }: BlockCursorOptions) {
    this.#onShadowRoot = onShadowRoot;
    this.#mayHoldNames = mayHoldNames;
    this.#shadowRootOf = shadowRootOf;
    this.#isOurs = isOurs;
    if (range.kind === 'siblings' && range.last !== root && root.parentNode) {
      if (isInsideSkipped(root.parentNode)) return; // (the walk asks each of the siblings itself)
      let stop = range.last.nextSibling;
      while (stop && stop.nodeType !== ELEMENT_NODE && stop.nodeType !== TEXT_NODE) stop = stop.nextSibling;
      // Asking the parent for its editable elements would query all of it: the walk asks each element it enters.
      this.#frames.push(frame(root.parentNode, { first: root, stop, askEditable: true }));
      return;
    }
    if (root.nodeType === TEXT_NODE) {
      if (!isInsideSkipped(root)) this.#carry = root as Text;
      return;
    }
    // (A paragraph that cannot matter first: it is what a page appends, and the cheaper question.)
    if (root.nodeType === ELEMENT_NODE) {
      const kind = kindOf((root as Element).localName);
      const whole = range.kind === 'all' || range.kind === 'siblings';
      if ((kind & IS_LEAF_BLOCK && whole && this.#cannotMatter(root as Element, kind)) || isInsideSkipped(root)) return;
    }
    if (range.kind === 'from') this.#frames.push(frame(root, { first: range.start }));
    else if (range.kind === 'until') this.#frames.push(frame(root, { stop: range.end }));
    else this.#frames.push(frame(root));
  }

  /** The text of the current block. */
  get text(): string {
    if (this.#text === null) {
      const parts = this.parts;
      parts.length = this.count;
      // One flat string (concatenation would build a rope the matcher then has to flatten).
      this.#text = parts.join('');
    }
    return this.#text;
  }

  /** Moves to the next block; false when there is none. */
  next(): boolean {
    this.count = 0;
    this.length = 0;
    this.stepped = 0;
    this.#text = '';
    if (this.#carry) {
      this.#add(this.#carry, this.#carry.data);
      this.#carry = null;
    }
    if (this.#shadow) {
      this.#enter(this.#shadow);
      this.#shadow = null;
    }
    let boundary = false;
    while (this.#frames.length) {
      const top = this.#frames[this.#frames.length - 1]!;
      const { walk, root, editable, askEditable, stop } = top;
      let node = top.paused ? top.pending : walk.nextNode();
      top.paused = false;
      while (node !== null && node !== stop) {
        if (node.nodeType === TEXT_NODE) {
          const data = (node as Text).data;
          if (data.length) {
            const parent = node.parentNode;
            if (parent !== top.lastParent) {
              // The nearest block holding the text, or the last block if the way up meets it first.
              const last = top.lastBlock;
              let block = parent;
              while (block && block !== last && block !== root && !(block.nodeType === ELEMENT_NODE && kindOf((block as Element).localName) & IS_BLOCK))
                block = block.parentNode;
              if (block !== last) boundary = true;
              top.lastParent = parent;
              top.lastBlock = block;
            }
            if (boundary && this.count) {
              this.#carry = node as Text;
              return this.#finish();
            }
            boundary = false;
            this.#add(node as Text, data);
          }
          node = walk.nextNode();
          continue;
        }
        const el = node as Element;
        const kind = kindOf(el.localName);
        if (
          kind & IS_SKIPPED ||
          (editable !== null && editable.has(el)) ||
          (askEditable && isEditable(el)) ||
          (kind & IS_LEAF_BLOCK && this.#cannotMatter(el, kind))
        ) {
          // A skipped element separates what comes before it from what follows; nothing inside is read.
          // (So does a block that cannot matter: it is a block, and a host inside it would have kept it.)
          boundary = true;
          node = walk.nextSibling();
          while (!node && walk.parentNode()) node = walk.nextSibling();
          // Long runs of such blocks come back as empty blocks now and then, so that a sliced scan can pause.
          if (this.stepped >= PAUSE_AFTER_CHARS && this.count === 0) {
            top.paused = true;
            top.pending = node;
            return true;
          }
          continue;
        }
        if (kind & IS_BLOCK) boundary = true;
        const shadow = kind & MAY_HOST ? this.#readableShadowRoot(el) : null;
        if (shadow) {
          if (this.count) {
            this.#shadow = shadow;
            return this.#finish();
          }
          this.#enter(shadow);
          break;
        }
        node = walk.nextNode();
      }
      if (node !== null && node !== stop) continue; // entered a shadow root
      // This tree is read: what it had is a block of its own.
      this.#frames.pop();
      if (this.count) return this.#finish();
      boundary = false;
    }
    return this.count > 0 ? this.#finish() : false;
  }

  /** A copy of the current block. */
  /**
   * Whether the walk can go on from where it paused: the nodes it stands on are still where it met
   * them. A node the page took out would lead the walk around the detached tree instead of the rest
   * of the page.
   */
  intact(): boolean {
    if (this.#carry && !this.#carry.isConnected) return false;
    for (const { root, walk } of this.#frames) {
      const at = walk.currentNode;
      if (!at.isConnected || (at !== root && !root.contains(at))) return false;
    }
    return true;
  }

  take(): TextBlock {
    return { nodes: this.nodes.slice(0, this.count), starts: this.starts.slice(0, this.count), text: this.text };
  }

  /** `kind`: the block's, passed in so that its tag name is read once per element (the walk's hot path). */
  #cannotMatter(block: Element, kind: number): boolean {
    const mayHoldNames = this.#mayHoldNames;
    if (!mayHoldNames) return false;
    const text = block.textContent ?? '';
    this.stepped += text.length + 32;
    if (mayHoldNames(text)) return false;
    // Shadow trees are not in textContent: a block hosting one, or holding a host, is read as usual.
    for (let el: Element | null = block; el;) {
      if ((el === block ? kind : kindOf(el.localName)) & MAY_HOST && this.#readableShadowRoot(el)) return false;
      let next: Element | null = el.firstElementChild;
      while (!next && el && el !== block) {
        next = el.nextElementSibling;
        if (!next) el = el.parentElement;
      }
      el = next;
    }
    return true;
  }

  /** The shadow root of `el` the cursor reads into: none when `el` is ours. */
  #readableShadowRoot(el: Element): ShadowRoot | null {
    const shadow = this.#shadowRootOf(el);
    return shadow && !this.#isOurs?.(el) ? shadow : null;
  }

  #enter(shadow: ShadowRoot): void {
    this.#onShadowRoot?.(shadow);
    this.#frames.push(frame(shadow));
  }

  #add(node: Text, data: string): void {
    const k = this.count++;
    this.nodes[k] = node;
    this.parts[k] = data;
    this.starts[k] = this.length;
    this.length += data.length;
  }

  #finish(): true {
    this.#text = this.count === 1 ? this.parts[0]! : null;
    return true;
  }
}

/** The text node and offset in it of block offset `offset` (an end offset stays in the node it ends). */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number } {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = block.starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: block.nodes[lo]!, offset: offset - block.starts[lo]! };
}
