/**
 * What an element is to a reader, by its name: prose is never read inside some (scripts, form
 * fields, code), others start and end a block (paragraphs, list items, cells, `<br>`), and only
 * some may host a shadow root. One lookup answers all of it, as the walk asks it of every element.
 */

/** Elements whose content is never prose. */
// prettier-ignore
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'kbd', 'samp', 'var', 'title', 'head', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math', 'button',
]);

/** Elements that start and end a block. */
// prettier-ignore
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'img',
  'video', 'audio',
]);

/** Elements that may carry a shadow root (attachShadow refuses any other): custom elements and these. */
// prettier-ignore
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

/**
 * Blocks worth asking for their whole text at once: those that seldom hold other blocks, and
 * lists and table parts, which hold many small ones.
 */
// prettier-ignore
const LEAF_BLOCKS = new Set([
  'p', 'li', 'td', 'th', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'figcaption', 'summary', 'legend', 'address',
  'ul', 'ol', 'dl', 'tr', 'tbody', 'thead', 'tfoot', 'table',
]);

export const IS_SKIPPED = 1;
export const IS_BLOCK = 2;
export const MAY_HOST = 4;
export const IS_LEAF_BLOCK = 8;

/** The facts above for each element name met, in one lookup: the walk asks them of every element. */
const kinds = new Map<string, number>();

/** The `IS_…`/`MAY_HOST` bits of an element name. */
export function kindOf(localName: string): number {
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

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

export function isEditable(element: Element): boolean {
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
      if (root && root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host) return root as ShadowRoot;
    }
    el = el.parentElement;
  }
  if (el) return el;
  const root = node.getRootNode?.();
  if (root && root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host) return root as ShadowRoot;
  return node.ownerDocument?.documentElement ?? null;
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
