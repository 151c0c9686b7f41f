/**
 * Text blocks: the page's prose as a reader sees it. Text nodes are joined across inline
 * elements (`<b>Wang</b> Yi` is one block) and split at block boundaries (`p`, `li`, `td`,
 * `br`, headings…). Nothing that is not prose is read: scripts, styles, form fields, code,
 * editable regions, our own UI.
 */
import { shadowRootOf } from './shadow';

export interface TextBlock {
  /** The text nodes of the block, in order. */
  readonly nodes: Text[];
  /** Offset of each node's first character in `text`. */
  readonly starts: number[];
  readonly text: string;
}

/** Elements whose content is never prose. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'kbd', 'samp', 'var', 'title', 'head', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math', 'button',
  'context-cards-host',
]);

/** Elements that start and end a block. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'img',
  'video', 'audio',
]);

/** Elements that may carry a shadow root (attachShadow refuses any other): custom elements and these. */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

/**
 * Blocks worth asking for their whole text at once: those that seldom hold other blocks, and
 * lists and table parts, which hold many small ones.
 */
const LEAF_BLOCKS = new Set([
  'p', 'li', 'td', 'th', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'figcaption', 'summary', 'legend', 'address',
  'ul', 'ol', 'dl', 'tr', 'tbody', 'thead', 'tfoot', 'table',
]);

const IS_SKIPPED = 1;
const IS_BLOCK = 2;
const MAY_HOST = 4;
const IS_LEAF_BLOCK = 8;
/** The facts above for each element name met, in one lookup: the walk asks them of every element. */
const kinds = new Map<string, number>();

function kindOf(localName: string): number {
  let kind = kinds.get(localName);
  if (kind === undefined) {
    kind =
      (SKIPPED.has(localName) ? IS_SKIPPED : 0) |
      (BLOCK.has(localName) ? IS_BLOCK : 0) |
      (SHADOW_HOSTS.has(localName) || localName.includes('-') ? MAY_HOST : 0) |
      (LEAF_BLOCKS.has(localName) ? IS_LEAF_BLOCK : 0);
    kinds.set(localName, kind);
  }
  return kind;
}

/** After stepping over about this much text, the cursor comes back with an empty block (a chance to pause). */
const PAUSE_AFTER_CHARS = 2048;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isBlockElement(element: Element): boolean {
  return BLOCK.has(element.localName);
}

/** Any element whose content is not prose, itself or an ancestor: one native `closest` rather than a walk up. */
const SKIPPED_SELECTOR = `${[...SKIPPED].join(',')},[contenteditable]:not([contenteditable="false"])`;

/** True when `node` sits inside something that is not prose (or in an editable region). */
export function isInsideSkipped(node: Node): boolean {
  const el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (el?.closest(SKIPPED_SELECTOR)) return true;
  return node.ownerDocument?.designMode === 'on';
}

/** What to rescan when a node changes: its nearest block ancestor, else the root of its tree. */
export type BlockContainer = Element | ShadowRoot;

export function blockContainerOf(node: Node): BlockContainer | null {
  let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && !isBlockElement(el)) {
    if (!el.parentElement) {
      const root = el.parentNode;
      // Top of a shadow tree: the shadow root itself bounds the text of the component.
      if (root && root.nodeType === 11 && (root as ShadowRoot).host) return root as ShadowRoot;
    }
    el = el.parentElement;
  }
  if (el) return el;
  const root = node.getRootNode?.();
  if (root && root.nodeType === 11 && (root as ShadowRoot).host) return root as ShadowRoot;
  return node.ownerDocument?.documentElement ?? null;
}

/**
 * The blocks under `root`, in document order. The text of open shadow roots (web components)
 * comes as blocks of its own, right after its host's light content; `onShadowRoot` hears of each
 * shadow root met, so that its mutations can be watched too.
 */
export function* walkBlocks(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextBlock, void, undefined> {
  const cursor = new BlockCursor(root, onShadowRoot);
  while (cursor.next()) {
    if (cursor.text.trim().length) yield cursor.take();
  }
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/**
 * A part of the tree under a cursor's root to read. `last`: a sibling after the root; the cursor reads
 * the root, `last` and what lies between them (in one pass, as a scan of their parent would), not the
 * rest of the parent. `from`, `until`: the tree from that element to its end, or up to that element;
 * an element the walk meets as such (see `readingStart`).
 */
export interface CursorPart {
  last?: Node;
  from?: Element;
  until?: Element;
}

/**
 * Where a first scan can start for it to read `element` first (what the reader is looking at): its
 * outermost paragraph, list or table (which the walk may step over whole), else its nearest block.
 * Null when that is the page's body or outside `root`, or when it is not prose.
 */
export function readingStart(element: Element, root: Node): Element | null {
  let start: Element | null = null;
  for (let el: Element | null = element; el && el !== root; el = el.parentElement) {
    const kind = kindOf(el.localName);
    if (kind & IS_LEAF_BLOCK || (!start && kind & IS_BLOCK)) start = el;
  }
  if (!start || start.localName === 'body' || start.localName === 'html' || !root.contains(start) || isInsideSkipped(start)) return null;
  return start;
}

/** What a cursor asks of a TreeWalker over elements and text nodes. */
interface Walk {
  currentNode: Node;
  nextNode(): Node | null;
  nextSibling(): Node | null;
  parentNode(): Node | null;
}

/** One tree being read: the document's or a shadow root's. */
interface Frame {
  readonly root: Node;
  readonly walk: Walk;
  /** Editable elements in the tree (skipped with what they hold), or null when there are none. */
  readonly editable: ReadonlySet<Element> | null;
  /** Whether to ask each element met whether it is editable instead (a part of a tree, see `BlockCursor`). */
  readonly askEditable: boolean;
  /** Where the walk stops (null: at the end of the tree). */
  readonly stop: Node | null;
  /** Whether the cursor paused after stepping over blocks, and the node to read next then (null: none is left). */
  paused: boolean;
  pending: Node | null;
  /** Parent of the last text node read, and its nearest block (or the root). */
  lastParent: Node | null;
  lastBlock: Node | null;
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
 * Given `mayMatter`, the cursor may leave out blocks that cannot matter: a paragraph, heading,
 * list, item, table or row whose whole text (one native `textContent`) `mayMatter` turns down,
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
  readonly #mayMatter: ((text: string) => boolean) | undefined;
  readonly #frames: Frame[] = [];
  /** The text node that ended the last block: the first of the next one. */
  #carry: Text | null = null;
  /** A shadow root met after the last block ended: read it next. */
  #shadow: ShadowRoot | null = null;

  constructor(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void, mayMatter?: (text: string) => boolean, part: CursorPart = {}) {
    this.#onShadowRoot = onShadowRoot;
    this.#mayMatter = mayMatter;
    const { last, from, until } = part;
    if (last && last !== root && root.parentNode) {
      if (isInsideSkipped(root.parentNode)) return; // (the walk asks each of the siblings itself)
      let stop = last.nextSibling;
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
      if ((kind & IS_LEAF_BLOCK && !from && !until && this.#cannotMatter(root as Element, kind)) || isInsideSkipped(root)) return;
    }
    this.#frames.push(frame(root, { first: from, stop: until }));
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
              while (block && block !== last && block !== root && !(block.nodeType === ELEMENT_NODE && kindOf((block as Element).localName) & IS_BLOCK)) block = block.parentNode;
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
        const shadow = kind & MAY_HOST ? shadowRootOf(el) : null;
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
  take(): TextBlock {
    return { nodes: this.nodes.slice(0, this.count), starts: this.starts.slice(0, this.count), text: this.text };
  }

  /** `kind`: the block's (its tag name is read once per element: over an article, that was 20,000 reads more). */
  #cannotMatter(block: Element, kind: number): boolean {
    const mayMatter = this.#mayMatter;
    if (!mayMatter) return false;
    const text = block.textContent ?? '';
    this.stepped += text.length + 32;
    if (mayMatter(text)) return false;
    // Shadow trees are not in textContent: a block hosting one, or holding a host, is read as usual.
    for (let el: Element | null = block; el; ) {
      if ((el === block ? kind : kindOf(el.localName)) & MAY_HOST && shadowRootOf(el)) return false;
      let next: Element | null = el.firstElementChild;
      while (!next && el && el !== block) {
        next = el.nextElementSibling;
        if (!next) el = el.parentElement;
      }
      el = next;
    }
    return true;
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

/** Editable regions under `root`, asked once per tree: one native query rather than an attribute read per element. */
function editableUnder(root: Node): Set<Element> | null {
  const query = (root as Partial<ParentNode>).querySelectorAll;
  if (typeof query !== 'function') return null;
  const found = query.call(root, '[contenteditable]');
  if (found.length === 0) return null;
  const editable = new Set<Element>();
  for (const el of found) if (isEditable(el)) editable.add(el);
  return editable.size ? editable : null;
}

/** A frame over the tree under `root`, from `first` (by default its start) until `stop` (by default its end). */
function frame(root: Node, { first, stop = null, askEditable = false }: { first?: Node | undefined; stop?: Node | null | undefined; askEditable?: boolean } = {}): Frame {
  const walk = createWalk(root);
  if (first) walk.currentNode = first;
  return { root, walk, editable: askEditable ? null : editableUnder(root), askEditable, stop, paused: first !== undefined, pending: first ?? null, lastParent: null, lastBlock: null };
}

function createWalk(root: Node): Walk {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const walker = doc?.createTreeWalker?.(root, SHOW_ELEMENT_AND_TEXT) as Partial<Walk> | undefined;
  // Some DOM implementations in Node (linkedom) have a TreeWalker that can only go forward.
  if (walker && typeof walker.nextSibling === 'function' && typeof walker.parentNode === 'function') return walker as Walk;
  return new PlainWalk(root);
}

/** A TreeWalker over elements and text nodes, in plain DOM calls. */
class PlainWalk implements Walk {
  readonly #root: Node;
  #current: Node;

  constructor(root: Node) {
    this.#root = root;
    this.#current = root;
  }

  get currentNode(): Node {
    return this.#current;
  }

  set currentNode(node: Node) {
    this.#current = node;
  }

  nextNode(): Node | null {
    const root = this.#root;
    let n: Node | null = this.#current;
    for (;;) {
      if (n.firstChild) n = n.firstChild;
      else {
        while (n && n !== root && !n.nextSibling) n = n.parentNode;
        if (!n || n === root) return null;
        n = n.nextSibling!;
      }
      if (shown(n)) return (this.#current = n);
    }
  }

  nextSibling(): Node | null {
    if (this.#current === this.#root) return null;
    for (let s = this.#current.nextSibling; s; s = s.nextSibling) if (shown(s)) return (this.#current = s);
    return null;
  }

  parentNode(): Node | null {
    for (let n: Node | null = this.#current; n && n !== this.#root; ) {
      n = n.parentNode;
      if (n && shown(n)) return (this.#current = n);
    }
    return null;
  }
}

function shown(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE;
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
