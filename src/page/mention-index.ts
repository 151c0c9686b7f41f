/**
 * The mentions of one document in document order: the records of the blocks that name someone,
 * filed under their text nodes, and the questions asked of them (the mention at a caret, the
 * first in a link, where a new block goes, which records a removal takes away).
 */
import type { BlockMatches, Candidate } from '../core/matcher';
import type { Resolution } from '../core/resolve';
import { locate, type TextBlock } from './blocks';
import { follows, recordBefore } from './document-order';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, TEXT_NODE } from './element-kinds';
import { inOneGo, NO_PAUSE, type SliceBudget } from './read-blocks';
import { NODES_PER_BUDGET_CHECK } from './timing';

export interface BlockRecord {
  readonly block: TextBlock;
  readonly matches: BlockMatches;
}

export interface Mention {
  readonly figure: number;
  readonly record: BlockRecord;
  readonly candidate: Candidate;
}

export interface Bounds {
  start: { node: Text; offset: number };
  end: { node: Text; offset: number };
}

export class MentionIndex {
  /**
   * Records in document order, of the blocks with candidates or cues only: most blocks of a page
   * name nobody, and keeping nothing for them makes the page rules' pass cost what the names
   * cost, not what the page does.
   */
  #records: BlockRecord[] = [];
  readonly #recordOf = new Map<Text, BlockRecord>();
  readonly #mentions = new Map<Candidate, Mention>();

  get records(): readonly BlockRecord[] {
    return this.#records;
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

  /** The figure `candidate` names as of the last `apply`, if it is a mention. */
  figureOf(candidate: Candidate): number | undefined {
    return this.#mentions.get(candidate)?.figure;
  }

  /** Whether the block starting at `first` has a record. */
  has(first: Text): boolean {
    return this.#recordOf.has(first);
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
    for (let n: Node | null = element.firstChild; n;) {
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
  boundsOf(mention: Mention): Bounds {
    return {
      start: locate(mention.record.block, mention.candidate.start, false),
      end: locate(mention.record.block, mention.candidate.end, true),
    };
  }

  /** Files a new record under its text nodes (it goes into the order with `append` or `insert`). */
  file(record: BlockRecord): void {
    for (const node of record.block.nodes) this.#recordOf.set(node, record);
  }

  /** Adds filed records at the end; returns the index of the first. */
  append(record: BlockRecord): number {
    this.#records.push(record);
    return this.#records.length - 1;
  }

  /** Puts filed records at index `at`, in order. */
  insert(at: number, records: readonly BlockRecord[]): void {
    if (records.length === 0) return;
    if (at === this.#records.length) for (const record of records) this.#records.push(record);
    else this.#records = this.#records.slice(0, at).concat(records, this.#records.slice(at));
  }

  /** Where a block starting at `first` goes in the records; `hosts`: the shadow hosts read so far. */
  insertionIndex(first: Text, hosts: () => ReadonlySet<Element> | null): number {
    const records = this.#records;
    if (records.length === 0) return 0;
    // The nearest text before it that belongs to a record: usually a few paragraphs back.
    const before = recordBefore(first, this.#recordOf, hosts());
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

  /** Adds to `dropped` the records of the text under `root` (itself included). */
  collect(root: Node, dropped: Set<BlockRecord>): void {
    inOneGo(this.collectSteps([root], dropped, NO_PAUSE));
  }

  /**
   * `collect` for each of `roots`, pausing (yielding) when `budget` says so: a page that swaps its
   * content away leaves tens of thousands of nodes to look through, often as many small roots
   * (its paragraphs), so the nodes are counted across the roots.
   */
  *collectSteps(roots: Iterable<Node>, dropped: Set<BlockRecord>, budget: SliceBudget): Generator<void, void, undefined> {
    const visit = (node: Node): void => {
      if (node.nodeType === TEXT_NODE) {
        const record = this.#recordOf.get(node as Text);
        if (record) dropped.add(record);
      }
    };
    let visited = 0;
    for (const root of roots) {
      visit(root);
      if (++visited % NODES_PER_BUDGET_CHECK === 0 && !budget()) yield;
      if (root.nodeType !== ELEMENT_NODE && root.nodeType !== DOCUMENT_FRAGMENT_NODE) continue;
      for (let n: Node | null = root.firstChild; n;) {
        visit(n);
        if (++visited % NODES_PER_BUDGET_CHECK === 0 && !budget()) yield;
        if (n.firstChild) {
          n = n.firstChild;
          continue;
        }
        while (n && n !== root && !n.nextSibling) n = n.parentNode;
        n = n && n !== root ? n.nextSibling : null;
      }
    }
  }

  /**
   * Takes the records out, with their mentions (added to `forgotten`). Returns the index the first
   * of them had, or -1 when none was in the order.
   */
  forget(dropped: ReadonlySet<BlockRecord>, forgotten: Mention[]): number {
    for (const record of dropped) {
      for (const node of record.block.nodes) {
        if (this.#recordOf.get(node) === record) this.#recordOf.delete(node);
      }
      for (const candidate of record.matches.candidates) {
        const mention = this.#mentions.get(candidate);
        if (!mention) continue;
        forgotten.push(mention);
        this.#mentions.delete(candidate);
      }
    }
    const first = this.#records.findIndex((r) => dropped.has(r));
    this.#records = this.#records.filter((r) => !dropped.has(r));
    return first;
  }

  /**
   * Makes the mentions of the records from index `from` on what `resolution` says; adds to `added`
   * and `removed` what changed (a mention whose figure changed is both). Stops after the record at
   * which `limit` changes are reached, so that a large change is applied a piece at a time; returns
   * the index of the next record to apply (the number of records when done).
   */
  apply(from: number, resolution: Resolution, added: Mention[], removed: Mention[], limit = Infinity): number {
    const records = this.#records;
    for (let i = from; i < records.length; i++) {
      const record = records[i]!;
      for (const candidate of record.matches.candidates) {
        const mention = this.#mentions.get(candidate);
        const figure = resolution.get(candidate);
        if (mention && mention.figure === figure) continue;
        if (mention) {
          removed.push(mention);
          this.#mentions.delete(candidate);
        }
        if (figure === undefined) continue;
        const next: Mention = { figure, record, candidate };
        this.#mentions.set(candidate, next);
        added.push(next);
      }
      if (added.length + removed.length >= limit) return i + 1;
    }
    return records.length;
  }
}
