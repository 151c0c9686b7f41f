/**
 * Keeps the mentions of one document (or shadow root) up to date: the facade over the first scan
 * (`first-scan.ts`), the rescans of what mutated (`rescan-work.ts`, read in slices like the first
 * scan: `read-blocks.ts`), the page rules
 * (`page-rules.ts`) and the mentions in document order (`mention-index.ts`). It publishes what
 * changed to its listeners during and after every scan or rescan (a rescan's in pieces, sliced).
 */
import type { BlockMatches, Matcher } from '../core/matcher';
import { BlockCursor, type CursorRange } from './blocks';
import { blockContainerOf, type BlockContainer } from './element-kinds';
import { firstScanSteps, type FirstScanTarget } from './first-scan';
import { MentionIndex, type BlockRecord, type Bounds, type Mention } from './mention-index';
import { PageRulesCache } from './page-rules';
import { inOneGo, NO_PAUSE, readBlocks, type SliceBudget } from './read-blocks';
import { liveOutermostSteps, runsSteps, type ContainerRun, type Dirty } from './rescan-work';
import { openShadowRoots, type ShadowRootReader } from './shadow';
import { MENTIONS_PER_NOTICE, PUBLISH_EVERY_MS } from './timing';

export type { Mention } from './mention-index';

export interface MentionChanges {
  added: Mention[];
  removed: Mention[];
  total: number;
}

type ChangeListener = (changes: MentionChanges) => void;

export interface PageScannerOptions {
  /** Our own UI, never read (see `BlockCursorOptions.isOurs`): the extension layer knows which elements are ours. */
  readonly isOurs?: ((node: Node) => boolean) | undefined;
  /** How to read shadow roots: closed ones only where the extension layer may (see `shadow.ts`). */
  readonly shadowRootOf?: ShadowRootReader | undefined;
}

export class PageScanner {
  readonly #matcher: Matcher;
  readonly #isOurs: ((node: Node) => boolean) | undefined;
  readonly #shadowRootOf: ShadowRootReader;
  readonly #index = new MentionIndex();
  readonly #rules = new PageRulesCache();
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
  readonly #mayHoldNames = (text: string): boolean => {
    this.#one[0] = text;
    return this.#matcher.mayMatch(this.#one, 1);
  };
  readonly #one: string[] = [''];

  /** What the first scan reads with and into. */
  readonly #target: FirstScanTarget;

  constructor(matcher: Matcher, { isOurs, shadowRootOf = openShadowRoots }: PageScannerOptions = {}) {
    this.#matcher = matcher;
    this.#isOurs = isOurs;
    this.#shadowRootOf = shadowRootOf;
    this.#target = {
      matcher,
      cursor: (range) => this.#cursor(this.#scanRoot!, range),
      namesIn: (text, from) => this.#namesIn(text, from),
      has: (first) => this.#index.has(first),
      track: (record) => this.#track(record),
      append: (record) => this.#rules.changedAt(this.#index.append(record)),
      insert: (at, records) => {
        this.#index.insert(at, records);
        this.#rules.changedAt(at);
      },
      publish: () => this.#publish(),
    };
  }

  /** The root of the first scan under way. */
  #scanRoot: Node | null = null;

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
    return this.#index.mentionCount;
  }

  /** Current mentions in document order. */
  mentions(): Mention[] {
    return this.#index.mentions();
  }

  /**
   * Scans everything under `root` (a first scan). Pauses (yields) whenever `budget` says the slice
   * is used up, publishing what it has found so far. Given `from` (where the reader is looking, see
   * `readingStart`), it reads from there to the end first, then the start of the page up to it.
   */
  *scanSteps(root: Node, budget: SliceBudget, from?: Element | null): Generator<void, void, undefined> {
    this.#scanRoot = root;
    yield* firstScanSteps(this.#target, budget, from ?? null);
  }

  /** Scans `root` in one go (the CLI and tests; the content script slices with `scanSteps`). */
  scanAll(root: Node): void {
    inOneGo(this.scanSteps(root, NO_PAUSE));
  }

  /** Mutations, in one go (the CLI and tests; the content script slices with `updateSteps`). */
  update(dirty: Dirty): void {
    inOneGo(this.updateSteps(dirty, NO_PAUSE));
  }

  /**
   * Mutations: forgets removed text, then rescans the dirty containers, pausing (yielding) whenever
   * `budget` says the slice is used up, as the first scan does: a page that swaps its whole content
   * must not become one long task. What the page changes during a pause is the next rescan's work;
   * only a walk whose footing the page took away is redone here, over the container around it.
   */
  *updateSteps({ containers, removed, added }: Dirty, budget: SliceBudget): Generator<void, void, undefined> {
    const dropped = new Set<BlockRecord>();
    const live = yield* liveOutermostSteps(containers, budget);
    // (Looking through what was removed pauses too. A node the page moves during such a pause is the
    // next rescan's, and a block read already is never read twice: see `#rescanSteps`.)
    yield* this.#index.collectSteps(removed, dropped, budget);
    // An added block holds no text we have read: a node moved here was removed from where it was, and
    // its records went with that removal.
    yield* this.#index.collectSteps(
      live.filter((container) => !added.has(container)),
      dropped,
      budget,
    );
    this.#forget(dropped);
    // As in the first scan, what was found shows a few times a second, not after every slice.
    let lastPublish = performance.now();
    const publishDue = (): boolean => performance.now() - lastPublish > PUBLISH_EVERY_MS;
    const published = (): void => {
      lastPublish = performance.now();
    };
    const runs: ContainerRun[] = yield* runsSteps(live, added, budget);
    for (let i = 0; i < runs.length; i++) {
      const { first, last } = runs[i]!;
      // (Taken out during a pause: that removal is the next rescan's.)
      if (!first.isConnected) continue;
      if (yield* this.#rescanSteps(first, last, budget, publishDue, published)) continue;
      const around = first.parentNode ? blockContainerOf(first.parentNode) : null;
      if (!around?.isConnected) continue;
      const again = new Set<BlockRecord>();
      this.#index.collect(around, again);
      this.#forget(again);
      runs.push({ first: around, last: around });
    }
    yield* this.#publishSteps(budget);
  }

  /** The mention at `offset` in text node `node`, if any. */
  mentionAt(node: Node, offset: number): Mention | null {
    return this.#index.mentionAt(node, offset);
  }

  /** The first mention whose text starts inside `element` (a focused link), if any. */
  firstMentionIn(element: Element): Mention | null {
    return this.#index.firstMentionIn(element);
  }

  /** Node and offset boundaries of a mention, for building a Range. */
  boundsOf(mention: Mention): Bounds {
    return this.#index.boundsOf(mention);
  }

  #cursor(root: Node, range: CursorRange): BlockCursor {
    return new BlockCursor({
      root,
      range,
      onShadowRoot: this.#onShadowRoot,
      mayHoldNames: this.#mayHoldNames,
      shadowRootOf: this.#shadowRootOf,
      isOurs: this.#isOurs,
    });
  }

  /** Files a new record under its text nodes, and counts its cues. */
  #track(record: BlockRecord): void {
    this.#index.file(record);
    this.#rules.countCues(record, 1);
  }

  /** What a block's text names (candidates or cues), or null when nothing. */
  #namesIn(text: string, from: number): BlockMatches | null {
    const matches = this.#matcher.matchBlock(text, from);
    return matches.candidates.length || matches.cues.length ? matches : null;
  }

  /**
   * Reads the blocks of containers `first` to `last` (siblings; their old records are gone) into
   * their place in document order, in slices. False when the page took out the node the walk stood
   * on during a pause, so that the rest of the run could not be read.
   */
  *#rescanSteps(
    first: BlockContainer,
    last: BlockContainer,
    budget: SliceBudget,
    publishDue: () => boolean,
    published: () => void,
  ): Generator<void, boolean, undefined> {
    const cursor = this.#cursor(first, { kind: 'siblings', last });
    let found: BlockRecord[] = [];
    const place = (): void => {
      this.#place(found);
      found = [];
    };
    // (A block with a record already lies outside the run: the walk went past a `last` taken out meanwhile.)
    const keep = (record: BlockRecord): void => {
      if (!this.#index.has(record.block.nodes[0]!)) found.push(record);
    };
    // The publish is due where the read pauses; it runs there, in slices of its own.
    let due = false;
    const placeAndPublish = (): void => {
      place();
      due = true;
    };
    const steps = readBlocks(this.#target, cursor, budget, publishDue, placeAndPublish, keep);
    while (!steps.next().done) {
      if (due) {
        due = false;
        yield* this.#publishSteps(budget);
        published();
      }
      yield;
      if (!cursor.intact()) {
        place();
        return false;
      }
    }
    place();
    return true;
  }

  /** Files records read by a rescan and puts them into their place in document order. */
  #place(records: readonly BlockRecord[]): void {
    // (Text the page took out during a pause is forgotten by the next rescan: not placed at all.)
    const found = records.filter((record) => record.block.nodes[0]!.isConnected);
    if (found.length === 0) return;
    const at = this.#index.insertionIndex(found[0]!.block.nodes[0]!, () =>
      this.#shadowRoots.size ? new Set([...this.#shadowRoots].map((root) => root.host)) : null,
    );
    for (const record of found) this.#track(record);
    this.#index.insert(at, found);
    this.#rules.changedAt(at);
  }

  #forget(dropped: ReadonlySet<BlockRecord>): void {
    if (dropped.size === 0) return;
    for (const record of dropped) this.#rules.countCues(record, -1);
    const first = this.#index.forget(dropped, this.#forgotten);
    if (first !== -1) this.#rules.changedAt(first);
  }

  /**
   * Publishes in one go, told in one piece (the first scan: what it finds between two publishes is
   * a few hundred mentions at most).
   */
  #publish(): void {
    inOneGo(this.#publishSteps(NO_PAUSE, Infinity));
  }

  /**
   * Applies the page rules where records changed and tells the listeners what changed, a piece at
   * a time (`piece` mentions), pausing (yielding) between pieces when `budget` says so: a
   * page that swaps its content in place changes thousands of mentions at once. The mentions of
   * text taken out go first; then each piece is told right after the index takes it in, so during a
   * pause the listeners hold what the index holds (the records before the pause resolved anew,
   * those after it as last published), and the count told is the index's. The pieces add up to
   * one whole publish.
   */
  *#publishSteps(budget: SliceBudget, piece = MENTIONS_PER_NOTICE): Generator<void, void, undefined> {
    const forgotten = this.#forgotten;
    this.#forgotten = [];
    const { from, resolution } = this.#rules.resolve(this.#index.records, (candidate) => this.#index.figureOf(candidate));
    for (let i = 0; i < forgotten.length; i += piece) {
      this.#notify([], forgotten.slice(i, i + piece));
      if (!budget()) yield;
    }
    for (let at = from; at < this.#index.records.length;) {
      const added: Mention[] = [];
      const removed: Mention[] = [];
      at = this.#index.apply(at, resolution, added, removed, piece);
      this.#notify(added, removed);
      if (at < this.#index.records.length && !budget()) yield;
    }
  }

  #notify(added: Mention[], removed: Mention[]): void {
    if (added.length === 0 && removed.length === 0) return;
    const changes = { added, removed, total: this.#index.mentionCount };
    for (const listener of this.#listeners) listener(changes);
  }
}
