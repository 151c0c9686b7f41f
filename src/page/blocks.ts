/**
 * Text blocks: the page's prose as a reader sees it. Text nodes are joined across inline
 * elements (`<b>Wang</b> Yi` is one block) and split at block boundaries (`p`, `li`, `td`,
 * `br`, headings…). Nothing that is not prose is read: scripts, styles, form fields, code,
 * editable regions, our own UI.
 */

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

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isBlockElement(element: Element): boolean {
  return BLOCK.has(element.localName);
}

/** True when `node` sits inside something that is not prose (or in an editable region). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
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
  if (root.nodeType === TEXT_NODE) {
    if (!isInsideSkipped(root)) {
      const block = makeBlock([root as Text]);
      if (block) yield block;
    }
    return;
  }
  if (root.nodeType === ELEMENT_NODE && isInsideSkipped(root)) return;
  let current: Text[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    let boundary = false;
    let shadow: ShadowRoot | null = null;
    if (node.nodeType === TEXT_NODE) {
      if ((node as Text).data.length) current.push(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (isSkippedElement(el)) {
        boundary = true; // a skipped element separates what comes before it from what follows
      } else {
        boundary = isBlockElement(el);
        descend = el.firstChild !== null;
        shadow = el.shadowRoot;
        if (shadow) boundary = true;
      }
    }
    if (boundary && current.length) {
      const block = makeBlock(current);
      current = [];
      if (block) yield block;
    }
    if (shadow) {
      onShadowRoot?.(shadow);
      yield* walkBlocks(shadow, onShadowRoot);
      shadow = null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Move on: next sibling, or climb, ending blocks as block elements close.
    let closesBlock = false;
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE && isBlockElement(node as Element)) closesBlock = true;
    }
    if (node && node !== root && node.nodeType === ELEMENT_NODE && isBlockElement(node as Element)) closesBlock = true;
    if (closesBlock && current.length) {
      const block = makeBlock(current);
      current = [];
      if (block) yield block;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  if (current.length) {
    const block = makeBlock(current);
    if (block) yield block;
  }
}

function makeBlock(nodes: Text[]): TextBlock | null {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  if (text.trim().length === 0) return null;
  return { nodes, starts, text };
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
