/**
 * The walks a block cursor makes over one tree (the document's or a shadow root's): a native
 * TreeWalker over elements and text nodes where the DOM has a full one, plain DOM calls where it
 * does not (linkedom's only goes forward), and the state the cursor keeps per tree.
 */
import { ELEMENT_NODE, DOCUMENT_NODE, TEXT_NODE, isEditable } from './element-kinds';

/** What a cursor asks of a TreeWalker over elements and text nodes. */
interface Walk {
  currentNode: Node;
  nextNode(): Node | null;
  nextSibling(): Node | null;
  parentNode(): Node | null;
}

/** One tree being read: the document's or a shadow root's. */
export interface Frame {
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

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** A frame over the tree under `root`, from `first` (by default its start) until `stop` (by default its end). */
export function frame(
  root: Node,
  { first, stop = null, askEditable = false }: { first?: Node | undefined; stop?: Node | null | undefined; askEditable?: boolean } = {},
): Frame {
  const walk = createWalk(root);
  if (first) walk.currentNode = first;
  return {
    root,
    walk,
    editable: askEditable ? null : editableUnder(root),
    askEditable,
    stop,
    paused: first !== undefined,
    pending: first ?? null,
    lastParent: null,
    lastBlock: null,
  };
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

function createWalk(root: Node): Walk {
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
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
    for (let n: Node | null = this.#current; n && n !== this.#root;) {
      n = n.parentNode;
      if (n && shown(n)) return (this.#current = n);
    }
    return null;
  }
}

function shown(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE;
}
