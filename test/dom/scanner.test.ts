import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { dirtyFromMutations } from '../../src/page/rescan-work';
import { PageScanner } from '../../src/page/scanner';
import { SAMPLE_DATASET } from '../support/figures';
import { mutationsOf } from '../support/mutations';

const matcher = new Matcher(SAMPLE_DATASET);
const idsOf = (scanner: PageScanner) => scanner.mentions().map((m) => `${SAMPLE_DATASET.figures[m.figure]!.id}:${m.candidate.text}`);

/** Appends the nodes of `html` to `parent` in one mutation, as a page appends what it fetched. */
function appendHtml(parent: Element, html: string): void {
  const t = document.createElement('template');
  t.innerHTML = html;
  parent.append(t.content);
}

/** A scanner that has scanned the page (first given `html` as its body). */
function scanPage(html?: string): PageScanner {
  if (html !== undefined) document.body.innerHTML = html;
  const scanner = new PageScanner(matcher);
  scanner.scanAll(document.body);
  return scanner;
}

async function flushMutations(scanner: PageScanner, mutate: () => void): Promise<void> {
  scanner.update(dirtyFromMutations(await mutationsOf(document.body, mutate), () => false));
}

describe('page scanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds a name split across inline elements once', () => {
    const scanner = scanPage('<p><b>Meng</b> <i>Hongwei</i> and <span>Abdul Ghani</span> <em>Baradar</em></p>');
    expect(idsOf(scanner)).toEqual(['meng-hongwei:Meng Hongwei', 'abdul-ghani-baradar:Abdul Ghani Baradar']);
  });

  it('does not join a name across blocks', () => {
    const scanner = scanPage('<p>Meng</p><p>Hongwei</p>');
    expect(idsOf(scanner)).toEqual([]);
  });

  it('maps a mention back to its text nodes', () => {
    const scanner = scanPage('<p>Then <b>Meng</b> Hongwei left.</p>');
    const [mention] = scanner.mentions();
    const { start, end } = scanner.boundsOf(mention!);
    expect([start.node.data, start.offset, end.node.data, end.offset]).toEqual(['Meng', 0, ' Hongwei left.', 8]);
    expect(scanner.mentionAt(end.node, 3)).toBe(mention);
    expect(scanner.mentionAt(end.node, 10)).toBeNull();
  });

  it('scans text added later and forgets removed text', async () => {
    const scanner = scanPage('<main><p>Nothing yet.</p></main>');
    const main = document.querySelector('main')!;
    await flushMutations(scanner, () => {
      const p = document.createElement('p');
      p.textContent = 'The Taliban took Kabul.';
      main.append(p);
    });
    expect(idsOf(scanner)).toEqual(['taliban:Taliban']);
    await flushMutations(scanner, () => main.lastElementChild!.remove());
    expect(idsOf(scanner)).toEqual([]);
  });

  it('rescans a block whose text changes, keeping document order', async () => {
    const scanner = scanPage('<p id="a">Meng Hongwei</p><p id="b">placeholder</p><p>Meng said</p>');
    await flushMutations(scanner, () => {
      document.querySelector('#b')!.firstChild!.textContent = 'the Taliban';
    });
    expect(idsOf(scanner)).toEqual(['meng-hongwei:Meng Hongwei', 'taliban:Taliban', 'meng-hongwei:Meng']);
  });

  it('promotes an earlier candidate when its cue arrives later', async () => {
    const scanner = scanPage('<p>Wang Yi arrived.</p><div id="more"></div>');
    expect(idsOf(scanner)).toEqual([]);
    await flushMutations(scanner, () => {
      const p = document.createElement('p');
      p.textContent = 'The foreign minister spoke.';
      document.querySelector('#more')!.append(p);
    });
    expect(idsOf(scanner)).toEqual(['wang-yi:Wang Yi']);
  });
});

describe('a sliced first scan', () => {
  it('can pause inside a long run of paragraphs that name nobody', () => {
    const quiet = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i} of the report, on trade and the weather.</p>`).join('');
    document.body.innerHTML = `${quiet}<p>Meng Hongwei spoke.</p>${quiet}`;
    const scanner = new PageScanner(matcher);
    let pauses = 0;
    for (const _ of scanner.scanSteps(document.body, () => false)) pauses++;
    // About 50 characters a paragraph and a pause every 2 KB or so of text.
    expect(pauses).toBeGreaterThan(15);
    expect(idsOf(scanner)).toEqual(['meng-hongwei:Meng Hongwei']);
  });

  it('pauses while matching a long run of paragraphs that name someone, and finds every name', () => {
    const named = Array.from({ length: 300 }, (_, i) => `<p>Meng Hongwei spoke on day ${i}.</p>`).join('');
    let matchedInSlice = 0;
    const counting = new (class extends Matcher {
      override matchBlock(text: string) {
        matchedInSlice++;
        return super.matchBlock(text);
      }
    })(SAMPLE_DATASET);
    document.body.innerHTML = named;
    const scanner = new PageScanner(counting);
    let most = 0;
    for (const _ of scanner.scanSteps(document.body, () => false)) {
      most = Math.max(most, matchedInSlice);
      matchedInSlice = 0;
    }
    most = Math.max(most, matchedInSlice);
    // The blocks the prefilter lets through are matched together, a few at a time between pauses.
    expect(most).toBeLessThanOrEqual(16);
    expect(scanner.mentionCount).toBe(300);
    expect(idsOf(scanner)).toEqual(idsOf(scanPage(named)));
  });
});

describe('a first scan from where the reader is', () => {
  const quiet = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of the report, on trade and the weather.</p>`).join('');
  const page = `<p>Abdul Ghani Baradar arrived.</p>${quiet}<p id="here">Then Baradar left, and Meng Hongwei spoke.</p>${quiet}<p>Meng was tried.</p>`;

  it('shows the names in view at its first pause, and ends with what a scan in page order finds', () => {
    const inOrder = scanPage(page);
    const scanner = new PageScanner(matcher);
    const steps = scanner.scanSteps(document.body, () => false, document.getElementById('here'));
    steps.next();
    // The paragraph in view is read first; "Baradar" alone waits for the full name, further up.
    expect(idsOf(scanner)).toEqual(['meng-hongwei:Meng Hongwei']);
    for (let step = steps.next(); !step.done; step = steps.next()) {
      // runs to the end
    }
    expect(idsOf(scanner)).toEqual(idsOf(inOrder));
    expect(idsOf(scanner)).toEqual([
      'abdul-ghani-baradar:Abdul Ghani Baradar',
      'abdul-ghani-baradar:Baradar',
      'meng-hongwei:Meng Hongwei',
      'meng-hongwei:Meng',
    ]);
  });

  it('keeps the page order of its records for what comes after', async () => {
    document.body.innerHTML = page;
    const scanner = new PageScanner(matcher);
    for (const _ of scanner.scanSteps(document.body, () => false, document.getElementById('here'))) {
      // every pause
    }
    await flushMutations(scanner, () => document.getElementById('here')!.remove());
    expect(idsOf(scanner)).toEqual(['abdul-ghani-baradar:Abdul Ghani Baradar']);
    await flushMutations(scanner, () => document.body.firstElementChild!.after(document.createElement('p'), 'Meng Hongwei again.'));
    expect(idsOf(scanner)).toEqual(idsOf(scanPage()));
    expect(idsOf(scanner)).toEqual(['abdul-ghani-baradar:Abdul Ghani Baradar', 'meng-hongwei:Meng Hongwei', 'meng-hongwei:Meng']);
  });
});

describe('appending content', () => {
  it('rescans only the new paragraphs, not the article they join', async () => {
    const scanner = scanPage('<article><p>Meng Hongwei resigned.</p>\n<p>The Taliban took Kabul.</p></article>');
    const before = scanner.mentions();
    const article = document.querySelector('article')!;
    await flushMutations(scanner, () => appendHtml(article, '\n<p>Osama bin Laden spoke.</p>\n<p>Meng was tried.</p>\n'));
    const after = scanner.mentions();
    // The mentions of the first paragraphs are the same objects: they were not rescanned.
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(0, before.length).every((m, i) => m === before[i])).toBe(true);
    expect(idsOf(scanner).slice(before.length)).toEqual(['osama-bin-laden:Osama bin Laden', 'meng-hongwei:Meng']);
  });
  it('a block put into running text splits a name, and taking it out joins the name again', async () => {
    const scanner = scanPage('<div>Meng <span>Hongwei</span> spoke</div>');
    expect(idsOf(scanner)).toEqual(['meng-hongwei:Meng Hongwei']);
    const block = document.createElement('p');
    block.textContent = 'x';
    await flushMutations(scanner, () => document.querySelector('span')!.before(block));
    expect(idsOf(scanner)).toEqual([]);
    await flushMutations(scanner, () => block.remove());
    expect(idsOf(scanner)).toEqual(['meng-hongwei:Meng Hongwei']);
  });

  it('whitespace taken out of an inline element in running text keeps the names around it', async () => {
    const scanner = scanPage('<div>Taliban<b> </b><ul><li>x</li></ul></div>');
    expect(idsOf(scanner)).toEqual(['taliban:Taliban']);
    await flushMutations(scanner, () => document.querySelector('b')!.firstChild!.remove());
    expect(idsOf(scanner)).toEqual(['taliban:Taliban']);
  });

  it('reads paragraphs appended together in one pass, and only them', async () => {
    const scanner = scanPage('<main><p>Osama bin Laden spoke.</p>\n<p>x</p></main><p>Meng Hongwei</p>');
    const before = scanner.mentions();
    const main = document.querySelector('main')!;
    await flushMutations(scanner, () =>
      appendHtml(main, '<p contenteditable>al-Qaeda</p><p>The Taliban</p>\n<!-- ad --><p contenteditable>al-Qaeda</p>\n<h2><b>Abdul Ghani</b> Baradar</h2>'),
    );
    expect(idsOf(scanner)).toEqual([
      'osama-bin-laden:Osama bin Laden',
      'taliban:Taliban',
      'abdul-ghani-baradar:Abdul Ghani Baradar',
      'meng-hongwei:Meng Hongwei',
    ]);
    // The paragraphs around them were not read again: their mentions are the same objects.
    const after = scanner.mentions();
    expect([after[0], after[3]]).toEqual(before);
    expect(after[0] === before[0] && after[3] === before[1]).toBe(true);
  });
});
