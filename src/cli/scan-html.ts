/** Scans an HTML document in Node with the same page/ and core/ code as the content script. */
import { parseHTML } from 'linkedom';
import type { CompiledDataset } from '../core/dataset';
import type { Matcher } from '../core/matcher';
import { PageScanner } from '../page/scanner';

export interface ScannedMention {
  figure: string;
  name: string;
  text: string;
  /** Index of the text block (in document order) and offsets within its text. */
  block: number;
  start: number;
  end: number;
}

export function scanHtml(html: string, matcher: Matcher, dataset: CompiledDataset): ScannedMention[] {
  const { document } = parseHTML(html);
  const scanner = new PageScanner(matcher);
  scanner.scanAll(document.documentElement);
  const blockIndex = new Map<object, number>();
  return scanner.mentions().map((m) => {
    if (!blockIndex.has(m.record)) blockIndex.set(m.record, blockIndex.size);
    const figure = dataset.figures[m.figure]!;
    return {
      figure: figure.id,
      name: figure.name,
      text: m.candidate.text,
      block: blockIndex.get(m.record)!,
      start: m.candidate.start,
      end: m.candidate.end,
    };
  });
}
