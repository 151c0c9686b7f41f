/**
 * Keeps the mentions of one document (or shadow root) up to date: scans its blocks, rescans
 * only what mutated, and applies the page-level rules after every change.
 */
import type { BlockMatches, Candidate, Matcher } from '../core/matcher';
import { resolveMentions } from '../core/resolve';
import { BlockCursor, blockContainerOf, isBlockElement, locate, type BlockContainer, type TextBlock } from './blocks';

export interface BlockRecord {
  readonly block: TextBlock;
  readonly matches: BlockMatches;
}

export interface Mention {
  readonly figure: number;
  readonly record: BlockRecord;
  readonly candidate: Candidate;
}

export interface MentionChanges {
  added: Mention[];
  removed: Mention[];
  total: number;
}

export type ChangeListener = (changes: MentionChanges) => void;

const ELEMENT_NODE = 1;
/** How often a long first scan applies the page rules and shows what it found so far. */
const PUBLISH_EVERY_MS = 250;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
/** The slice budget is asked after about this many characters (a block counts as 32 more). */
const BUDGET_CHECK_CHARS = 2048;
/** While matching the blocks the prefilter let through, the slice budget is asked after this many. */
const MATCHED_PER_BUDGET_CHECK = 16;
/** How far back (in nodes) to look for a known block before an inserted one, before asking the DOM. */
const WALK_BACK_LIMIT = 4096;

/** Returns true while the current slice may go on. */
export type SliceBudget = () => boolean;

export class PageScanner {
  readonly #matcher: Matcher;
  /**
   * Records in document order, of the blocks with candidates or cues only: most blocks of a page
   * name nobody, and keeping nothing for them makes the page rules' pass cost what the names
   * cost, not what the page does.
   */
  #records: BlockRecord[] = [];
  readonly #recordOf = new Map<Text, BlockRecord>();
  readonly #mentions = new Map<Candidate, Mention>();
  /**
   * The page rules run again only from the first record that changed since the last publish
   * (records before it keep their meaning), or from the start when a figure's cue appears on, or
   * leaves, the page. Appending costs what was appended.
   */
  #dirtyFrom = 0;
  /**
   * The figures named in full in the first `#introducedUpTo` records, kept between publishes: a
   * record before `#dirtyFrom` keeps its meaning, so appending does not read the page's records again.
   */
  readonly #introduced = new Set<number>();
  #introducedUpTo = 0;
  /** How many times each figure's cues occur on the page. */
  readonly #cueCounts = new Map<number, number>();
  #cuesChanged = false;
  /** Mentions of forgotten records, reported by the next publish. */
  #forgotten: Mention[] = [];
  readonly #listeners: ChangeListener[] = [];
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #shadowListeners: ((root: ShadowRoot) => void)[] = [];
  readonly #onShadowRoot = (root: ShadowRoot): void => {
    if (this.#shadowRoots.has(root)) return;
    this.#shadowRoots.add(root);
    for (const listener of this.#shadowListeners) listener(root);
  };

  /** For the cursor: whether a text may hold a name or cue at all. */
  readonly #mayMatter = (text: string): boolean => {
    this.#one[0] = text;
    return this.#matcher.mayMatch(this.#one, 1);
  };
  readonly #one: string[] = [''];

  constructor(matcher: Matcher) {
    this.#matcher = matcher;
  }

  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  /** Hears of every open shadow root the scanner reads (the live scan watches their mutations). */
  onShadowRoot(listener: (root: ShadowRoot) => void): void {
    this.#shadowListeners.push(listener);
    for (const root of this.#shadowRoots) listener(root);
  }

  /** Open shadow roots read so far (hit-testing looks into them). */
  get shadowRoots(): ReadonlySet<ShadowRoot> {
    return this.#shadowRoots;
  }

  get mentionCount(): number {
    return this.#mentions.size;
  }

  /** Current mentions in document order. */
  mentions(): Mention[] {
    const list: Mention[] = [];
    for (const record of this.#records) {
      for (const candidate of record.matches.candidates) {
        const mention = this.#mentions.get(candidate);
        if (mention) list.push(mention);
      }
    }
    return list;
  }

  /**
   * Scans everything under `root` (a first scan). Pauses (yields) whenever `budget` says the slice
   * is used up, publishing what it has found so far. Given `from` (where the reader is looking, see
   * `readingStart`), it reads from there to the end first, then the start of the page up to it.
   */
  *scanSteps(root: Node, budget: SliceBudget, from?: Element | null): Generator<void, void, undefined> {
    // Applying the page rules costs a pass over the whole page: at the first pause (what the first
    // slice found, the part in view), then a few times a second (so names show up as the scan goes),
    // not after every slice.
    let lastPublish = -Infinity;
    const publishDue = (): boolean => performance.now() - lastPublish > PUBLISH_EVERY_MS;
    const publish = (): void => {
      this.#publish();
      lastPublish = performance.now();
    };
    const part = from ? { from } : {};
    yield* this.#read(new BlockCursor(root, this.#onShadowRoot, this.#mayMatter, part), budget, publishDue, publish, (record) => this.#append(record));
    if (from) {
      // The start of the page: its records go before all the others, in order.
      let before: BlockRecord[] = [];
      let at = 0;
      const insert = (): void => {
        if (before.length === 0) return;
        this.#records = this.#records.slice(0, at).concat(before, this.#records.slice(at));
        this.#dirtyFrom = Math.min(this.#dirtyFrom, at);
        at += before.length;
        before = [];
      };
      const cursor = new BlockCursor(root, this.#onShadowRoot, this.#mayMatter, { until: from });
      const keep = (record: BlockRecord): void => {
        // (Had `from` left the page meanwhile, this pass would go on past where the first began.)
        if (this.#recordOf.has(record.block.nodes[0]!)) return;
        before.push(record);
        this.#track(record);
      };
      // (Merged into the records only when they are published: merging copies them all.)
      const insertAndPublish = (): void => {
        insert();
        publish();
      };
      yield* this.#read(cursor, budget, publishDue, insertAndPublish, keep);
      insert();
    }
    this.#publish();
  }

  /**
   * Reads the cursor's blocks into records (`keep`), pausing when `budget` says so, and at a pause
   * calling `publish` when `publishDue`. The blocks the prefilter lets through wait, and are matched
   * together before a publish and at the end, not one at a time between the blocks read: on a fresh
   * page, the scan of a 2 MB article took a fifth less time so (see README, Performance).
   */
  *#read(
    cursor: BlockCursor,
    budget: SliceBudget,
    publishDue: () => boolean,
    publish: () => void,
    keep: (record: BlockRecord) => void,
  ): Generator<void, void, undefined> {
    const waiting: TextBlock[] = [];
    let read = 0;
    while (cursor.next()) {
      if (this.#matcher.mayMatch(cursor.parts, cursor.count)) waiting.push(cursor.take());
      read += cursor.length + cursor.stepped + 32;
      if (read < BUDGET_CHECK_CHARS) continue;
      read = 0;
      if (!budget()) {
        if (publishDue()) {
          yield* this.#matchWaiting(waiting, budget, keep);
          publish();
        }
        yield;
      }
    }
    yield* this.#matchWaiting(waiting, budget, keep);
  }

  /** Matches the blocks waiting, in order, into records (`keep`), pausing when `budget` says so. */
  *#matchWaiting(waiting: TextBlock[], budget: SliceBudget, keep: (record: BlockRecord) => void): Generator<void, void, undefined> {
    for (let i = 0; i < waiting.length; i++) {
      const block = waiting[i]!;
      const matches = this.#namesIn(block.text);
      if (matches) keep({ block, matches });
      if (i % MATCHED_PER_BUDGET_CHECK === MATCHED_PER_BUDGET_CHECK - 1 && !budget()) yield;
    }
    waiting.length = 0;
  }

  /** Scans `root` in one go (the CLI and tests; the content script slices with `scanSteps`). */
  scanAll(root: Node): void {
    for (const _ of this.scanSteps(root, () => true)) {
      // never pauses
    }
  }

  /** Mutations: rescans the dirty containers and forgets removed text. */
  update({ containers, removed, added }: Dirty): void {
    const dropped = new Set<BlockRecord>();
    const live = outermost(containers).filter((c) => c.isConnected);
    for (const node of removed) this.#collectRecords(node, dropped);
    // An added block holds no text we have read: a node moved here was removed from where it was, and
    // its records went with that removal.
    for (const container of live) if (!added.has(container)) this.#collectRecords(container, dropped);
    this.#forget(dropped);
    for (const run of runsOf(live, added)) this.#rescan(run.first, run.last);
    this.#publish();
  }

  /** The mention at `offset` in text node `node`, if any. */
  mentionAt(node: Node, offset: number): Mention | null {
    if (node.nodeType !== TEXT_NODE) return null;
    const record = this.#recordOf.get(node as Text);
    if (!record) return null;
    const index = record.block.nodes.indexOf(node as Text);
    const at = record.block.starts[index]! + offset;
    for (const candidate of record.matches.candidates) {
      if (candidate.start <= at && at <= candidate.end) return this.#mentions.get(candidate) ?? null;
    }
    return null;
  }

  /** The first mention whose text starts inside `element` (a focused link), if any. */
  firstMentionIn(element: Element): Mention | null {
    for (let n: Node | null = element.firstChild; n; ) {
      if (n.nodeType === TEXT_NODE) {
        const record = this.#recordOf.get(n as Text);
        if (record) {
          const index = record.block.nodes.indexOf(n as Text);
          const from = record.block.starts[index]!;
          const to = from + (n as Text).data.length;
          for (const candidate of record.matches.candidates) {
            const mention = this.#mentions.get(candidate);
            if (mention && candidate.start >= from && candidate.start < to) return mention;
          }
        }
      }
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
      while (n && n !== element && !n.nextSibling) n = n.parentNode;
      n = n && n !== element ? n.nextSibling : null;
    }
    return null;
  }

  /** Node and offset boundaries of a mention, for building a Range. */
  boundsOf(mention: Mention): { start: { node: Text; offset: number }; end: { node: Text; offset: number } } {
    return {
      start: locate(mention.record.block, mention.candidate.start, false),
      end: locate(mention.record.block, mention.candidate.end, true),
    };
  }

  #append(record: BlockRecord): void {
    this.#dirtyFrom = Math.min(this.#dirtyFrom, this.#records.length);
    this.#records.push(record);
    this.#track(record);
  }

  /** Files a new record under its text nodes, and counts its cues. */
  #track(record: BlockRecord): void {
    for (const node of record.block.nodes) this.#recordOf.set(node, record);
    this.#countCues(record, 1);
  }

  #countCues(record: BlockRecord, delta: 1 | -1): void {
    for (const figure of record.matches.cues) {
      const count = (this.#cueCounts.get(figure) ?? 0) + delta;
      if (count === 0) this.#cueCounts.delete(figure);
      else this.#cueCounts.set(figure, count);
      if (count === 0 || (delta === 1 && count === 1)) this.#cuesChanged = true;
    }
  }

  /** What the cursor's block names, or null when it names nobody (most blocks stop at the prefilter). */
  #matchesOf(cursor: BlockCursor): BlockMatches | null {
    return this.#matcher.mayMatch(cursor.parts, cursor.count) ? this.#namesIn(cursor.text) : null;
  }

  /** What a block's text names (candidates or cues), or null when nothing. */
  #namesIn(text: string): BlockMatches | null {
    const matches = this.#matcher.matchBlock(text);
    return matches.candidates.length || matches.cues.length ? matches : null;
  }

  /** Reads the blocks of containers `first` to `last` (siblings; their old records are gone) into their place in document order. */
  #rescan(first: BlockContainer, last: BlockContainer): void {
    const cursor = new BlockCursor(first, this.#onShadowRoot, this.#mayMatter, { last });
    const found: BlockRecord[] = [];
    while (cursor.next()) {
      const matches = this.#matchesOf(cursor);
      if (matches) found.push({ block: cursor.take(), matches });
    }
    if (found.length === 0) return;
    const records = this.#records;
    const at = this.#insertionIndex(found[0]!.block.nodes[0]!);
    if (at === records.length) for (const record of found) records.push(record);
    else this.#records = records.slice(0, at).concat(found, records.slice(at));
    this.#dirtyFrom = Math.min(this.#dirtyFrom, at);
    for (const record of found) this.#track(record);
  }

  /** Where a block starting at `first` goes in the records. */
  #insertionIndex(first: Text): number {
    const records = this.#records;
    if (records.length === 0) return 0;
    // The nearest text before it that belongs to a record: usually a few paragraphs back.
    const before = this.#recordBefore(first);
    if (before !== undefined) return before === null ? 0 : records.lastIndexOf(before) + 1;
    // Content is mostly added at the end (infinite scroll, chat, live blogs): one comparison then.
    if (follows(first, records[records.length - 1]!.block.nodes[0]!)) return records.length;
    let lo = 0;
    let hi = records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = records[mid]!.block.nodes[0]!;
      if (follows(other, first)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * The record of the nearest text node before `node` in document order that has one; null when
   * there is none in the document; undefined when that is not known cheaply (too far back, or
   * past a shadow tree, whose blocks come before its host's light content).
   */
  #recordBefore(node: Node): BlockRecord | null | undefined {
    const hosts = this.#shadowRoots.size ? new Set([...this.#shadowRoots].map((root) => root.host)) : null;
    let steps = 0;
    let n: Node | null = node;
    for (;;) {
      if (n.previousSibling) {
        n = n.previousSibling;
        while (n.lastChild) n = n.lastChild;
      } else {
        n = n.parentNode;
        if (!n) return undefined;
        if (n.nodeType === 9) return null;
        if (n.nodeType === 11) return undefined;
      }
      if (n.nodeType === TEXT_NODE) {
        const record = this.#recordOf.get(n as Text);
        if (record) return record;
      } else if (hosts?.has(n as Element)) return undefined;
      if (++steps > WALK_BACK_LIMIT) return undefined;
    }
  }

  #collectRecords(root: Node, dropped: Set<BlockRecord>): void {
    const visit = (node: Node): void => {
      if (node.nodeType === TEXT_NODE) {
        const record = this.#recordOf.get(node as Text);
        if (record) dropped.add(record);
      }
    };
    visit(root);
    if (root.nodeType === ELEMENT_NODE || root.nodeType === 11) {
      for (let n: Node | null = root.firstChild; n; ) {
        visit(n);
        if (n.firstChild) {
          n = n.firstChild;
          continue;
        }
        while (n && n !== root && !n.nextSibling) n = n.parentNode;
        n = n && n !== root ? n.nextSibling : null;
      }
    }
  }

  #forget(dropped: ReadonlySet<BlockRecord>): void {
    if (dropped.size === 0) return;
    for (const record of dropped) {
      for (const node of record.block.nodes) {
        if (this.#recordOf.get(node) === record) this.#recordOf.delete(node);
      }
      for (const candidate of record.matches.candidates) {
        const mention = this.#mentions.get(candidate);
        if (!mention) continue;
        this.#forgotten.push(mention);
        this.#mentions.delete(candidate);
      }
      this.#countCues(record, -1);
    }
    const first = this.#records.findIndex((r) => dropped.has(r));
    if (first !== -1) this.#dirtyFrom = Math.min(this.#dirtyFrom, first);
    this.#records = this.#records.filter((r) => !dropped.has(r));
  }

  #publish(): void {
    const records = this.#records;
    const from = this.#cuesChanged ? 0 : Math.min(this.#dirtyFrom, records.length);
    this.#cuesChanged = false;
    this.#dirtyFrom = records.length;
    const removed = this.#forgotten;
    this.#forgotten = [];
    // The figures introduced (named in full) before `from`: what the records from there on start with.
    if (from < this.#introducedUpTo) {
      this.#introduced.clear();
      this.#introducedUpTo = 0;
    }
    for (let i = this.#introducedUpTo; i < from; i++) {
      for (const candidate of records[i]!.matches.candidates) if (!candidate.short && candidate.resolved !== -1) this.#introduced.add(candidate.resolved);
    }
    this.#introducedUpTo = from;
    const introduced = new Set(this.#introduced);
    const rest = records.slice(from);
    resolveMentions(
      rest.map((r) => r.matches),
      new Set(this.#cueCounts.keys()),
      introduced,
    );
    const added: Mention[] = [];
    for (const record of rest) {
      for (const candidate of record.matches.candidates) {
        const mention = this.#mentions.get(candidate);
        if (mention && mention.figure === candidate.resolved) continue;
        if (mention) {
          removed.push(mention);
          this.#mentions.delete(candidate);
        }
        if (candidate.resolved === -1) continue;
        const next: Mention = { figure: candidate.resolved, record, candidate };
        this.#mentions.set(candidate, next);
        added.push(next);
      }
    }
    if (added.length || removed.length) {
      const changes = { added, removed, total: this.#mentions.size };
      for (const listener of this.#listeners) listener(changes);
    }
  }
}

/** Containers to rescan together: `first`, `last` and what lies between them. */
interface ContainerRun {
  first: BlockContainer;
  last: BlockContainer;
}

/**
 * The containers as runs: blocks added next to each other (only whitespace or comments between them,
 * as when a page appends a page of results) are read in one pass, as a scan reads them; any other
 * container is a run of its own.
 */
function runsOf(containers: readonly BlockContainer[], added: ReadonlySet<BlockContainer>): ContainerRun[] {
  const runs: ContainerRun[] = [];
  const rescanned = new Set(containers);
  const inRun = (node: Node | null): node is Element => node !== null && added.has(node as Element) && rescanned.has(node as Element);
  for (const container of containers) {
    if (!added.has(container)) {
      runs.push({ first: container, last: container });
      continue;
    }
    if (inRun(besideSkippingSpace(container, 'previousSibling'))) continue; // read with the run's first block
    let last: BlockContainer = container;
    for (let next = besideSkippingSpace(last, 'nextSibling'); inRun(next); next = besideSkippingSpace(last, 'nextSibling')) last = next;
    runs.push({ first: container, last });
  }
  return runs;
}

/** Drops containers that lie inside another container of the set (within its tree, as `contains` does). */
function outermost(containers: Iterable<BlockContainer>): BlockContainer[] {
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
  return [...set].filter((c) => !isHeld(c.parentNode));
}

/** What a batch of mutations leaves to do: containers to rescan, nodes to forget. */
export interface Dirty {
  containers: Set<BlockContainer>;
  removed: Node[];
  /** The containers that are blocks added by these mutations (nothing in them was read before). */
  added: Set<BlockContainer>;
}

/** Which containers to rescan and which nodes to forget, from a batch of mutation records. */
export function dirtyFromMutations(records: readonly MutationRecord[], isOurs: (node: Node) => boolean): Dirty {
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
      if (isOurs(node)) continue;
      removed.push(node);
      anyRemoved = true;
      if (!isBlock(node) && !isSpace(node)) onlyBlocksOrSpace = false;
    }
    const touchesFlow =
      !onlyBlocksOrSpace ||
      (firstAdded !== null && !betweenBlocks(record.target, firstAdded.previousSibling, lastAdded!.nextSibling)) ||
      (anyRemoved && !betweenBlocks(record.target, record.previousSibling, record.nextSibling));
    if (touchesFlow) {
      const container = blockContainerOf(record.target);
      if (container) containers.add(container);
    }
  }
  return { containers, removed, added };
}

/**
 * True when no running text lies right before `before` or right after `after`, children of
 * `parent`: only blocks, whitespace, or the edge of a block.
 */
function betweenBlocks(parent: Node, before: Node | null, after: Node | null): boolean {
  const edge = (n: Node | null, way: 'previousSibling' | 'nextSibling'): boolean => {
    if (n && isSpace(n)) n = besideSkippingSpace(n, way);
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

/**
 * True when `later` comes after `earlier` in document order. compareDocumentPosition costs a walk
 * over the common parent's children in Blink (20,000 paragraphs of an article: half a millisecond
 * a call), so nearby siblings, the usual case for appended content, are checked by walking back.
 */
function follows(later: Node, earlier: Node): boolean {
  const ancestorsOfEarlier = new Set<Node>();
  for (let n: Node | null = earlier; n; n = n.parentNode) ancestorsOfEarlier.add(n);
  let branch: Node | null = later;
  while (branch && !ancestorsOfEarlier.has(branch.parentNode as Node)) branch = branch.parentNode;
  if (branch && branch.parentNode && !ancestorsOfEarlier.has(branch)) {
    let other: Node | null = earlier;
    while (other && other.parentNode !== branch.parentNode) other = other.parentNode;
    let steps = 0;
    for (let s = branch.previousSibling; s && steps < 64; s = s.previousSibling, steps++) if (s === other) return true;
    for (let s = branch.nextSibling, k = 0; s && k < 64; s = s.nextSibling, k++) if (s === other) return false;
  }
  // DOCUMENT_POSITION_FOLLOWING (4): `later` comes after `earlier`.
  return (earlier.compareDocumentPosition(later) & 4) !== 0;
}
