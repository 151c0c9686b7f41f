// A page that swaps its whole content in place (a single-page app changing view) is rescanned in
// slices, as the first scan is, and finds what a fresh scan of the new page finds, also when the
// page goes on changing between the slices. Going through the mutation records, forgetting what was
// taken out and publishing the thousands of changed mentions pause too, and what the listeners are
// told between the pauses is never wrong.
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { dirtyFromMutations, dirtySteps } from '../../src/page/rescan-work';
import { PageScanner, type Mention } from '../../src/page/scanner';
import { SAMPLE_DATASET } from '../support/figures';

const matcher = new Matcher(SAMPLE_DATASET);
const NAMES = ['Meng Hongwei', 'Osama bin Laden', 'Abdul Ghani Baradar'];
const QUIET = 'Officials met on trade and the border, and said little that was new.';

/** `count` paragraphs, one in `every` naming someone (`seed` varies which, and the text around). */
function paragraphs(count: number, seed: number, every = 3): HTMLElement[] {
  return Array.from({ length: count }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = (i + seed) % every === 0 ? `${seed}.${i} ${QUIET} Then ${NAMES[(i + seed) % NAMES.length]} spoke.` : `${seed}.${i} ${QUIET}`;
    return p;
  });
}

/** Each mention as where it lies (the index of its text node in the page, its offset) and what it names. */
function described(scanner: PageScanner): string[] {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  return scanner.mentions().map((m) => {
    const { start } = scanner.boundsOf(m);
    return `${texts.indexOf(start.node)}:${start.offset} ${SAMPLE_DATASET.figures[m.figure]!.id}`;
  });
}

/** What the page did since the observer last looked, as the live scan hands it to the scanner. */
async function taken(observer: MutationObserver, records: MutationRecord[]): Promise<ReturnType<typeof dirtyFromMutations>> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const all = records.splice(0).concat(observer.takeRecords());
  return dirtyFromMutations(all, () => false);
}

/** A slice budget that runs out at every other check: a slice as short as the scanner allows. */
function shortSlices(): () => boolean {
  let checks = 0;
  return () => ++checks % 2 !== 0;
}

describe('a rescan after a large swap in place', () => {
  let records: MutationRecord[];
  let observer: MutationObserver;
  let main: HTMLElement;
  let scanner: PageScanner;

  beforeEach(() => {
    document.body.innerHTML = '<main></main>';
    main = document.querySelector('main')!;
    main.append(...paragraphs(1_500, 1));
    scanner = new PageScanner(matcher);
    scanner.scanAll(document.body);
    records = [];
    observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  });

  it('is read in many slices, and finds what a scan of the new page in one go finds', async () => {
    expect(scanner.mentionCount).toBe(500);
    main.replaceChildren(...paragraphs(1_500, 2, 4));
    const steps = scanner.updateSteps(await taken(observer, records), shortSlices());
    let slices = 1;
    while (!steps.next().done) slices++;
    expect(slices).toBeGreaterThan(20);

    const fresh = new PageScanner(matcher);
    fresh.scanAll(document.body);
    expect(fresh.mentionCount).toBe(375);
    expect(described(scanner)).toEqual(described(fresh));
  });

  it('finds what a fresh scan finds when the page changes between the slices, and the next rescan reads those changes', async () => {
    main.replaceChildren(...paragraphs(1_500, 2, 4));
    const steps = scanner.updateSteps(await taken(observer, records), shortSlices());
    let slices = 1;
    while (!steps.next().done) {
      slices++;
      const all = main.children;
      // Paragraphs taken out where the rescan stands and all over, others added, text edited.
      if (slices === 4) for (let i = 600; i >= 50; i--) all[i]!.remove();
      if (slices === 5) for (let i = all.length - 1; i >= 0; i -= 2) all[i]!.remove();
      if (slices === 6) main.prepend(...paragraphs(40, 3, 2));
      if (slices === 8) all[all.length - 1]!.textContent = 'At last Meng Hongwei came.';
      if (slices === 10) for (let i = 0; i < all.length; i += 7) all[i]!.remove();
    }
    expect(slices).toBeGreaterThan(10);
    // What changed during the rescan is the next one's work.
    scanner.update(await taken(observer, records));

    const fresh = new PageScanner(matcher);
    fresh.scanAll(document.body);
    expect(fresh.mentionCount).toBeGreaterThan(100);
    expect(described(scanner)).toEqual(described(fresh));
  });

  it('pauses while going through thousands of nodes taken out, as the live scan runs it', async () => {
    main.replaceChildren();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const all = records.splice(0).concat(observer.takeRecords());
    // The budget is always used up: the steps pause wherever they ask it.
    const used = (): boolean => false;
    const steps = (function* () {
      yield* scanner.updateSteps(yield* dirtySteps(all, () => false, used), used);
    })();
    let slices = 1;
    while (!steps.next().done) slices++;
    // 1,500 paragraphs and their 1,500 texts, the budget asked every 1,024 nodes.
    expect(slices).toBeGreaterThan(4);
    expect(scanner.mentionCount).toBe(0);
  });

  it('tells its listeners the changes of a large swap in pieces, each true when told, adding up to a fresh scan', async () => {
    // What the listeners know: the mentions of the first scan, then what they are told.
    const told = new Map<Mention, true>(scanner.mentions().map((m) => [m, true]));
    const notices: number[] = [];
    let totalTold = -1;
    scanner.onChange(({ added, removed, total }) => {
      for (const m of removed) expect(told.delete(m)).toBe(true);
      for (const m of added) told.set(m, true);
      notices.push(added.length + removed.length);
      // The count told is the scanner's own at that moment.
      expect(total).toBe(scanner.mentionCount);
      totalTold = total;
    });
    main.replaceChildren(...paragraphs(1_500, 2, 4));
    const steps = scanner.updateSteps(await taken(observer, records), shortSlices());
    while (!steps.next().done) {
      // What a reader may see during a pause: every mention the scanner has was told, and what was
      // told and is not (yet) taken back lies in text the page took out, or is a mention the
      // scanner still has.
      const now = new Set(scanner.mentions());
      for (const m of now) expect(told.has(m)).toBe(true);
      for (const m of told.keys()) if (!now.has(m)) expect(m.record.block.nodes[0]!.isConnected).toBe(false);
    }
    expect(notices.length).toBeGreaterThan(3);
    for (const n of notices) expect(n).toBeLessThanOrEqual(256 + 8);

    const fresh = new PageScanner(matcher);
    fresh.scanAll(document.body);
    expect(new Set(told.keys())).toEqual(new Set(scanner.mentions()));
    expect(totalTold).toBe(fresh.mentionCount);
    expect(described(scanner)).toEqual(described(fresh));
  });
});
