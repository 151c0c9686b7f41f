/**
 * A frame whose text names no one (an ad, a widget) keeps only the small gate: the scan of its
 * whole document never builds the full matcher, and text that names someone, added later, does.
 */
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { startLiveScan } from '../../src/page/live-scan';
import { PageScanner } from '../../src/page/scanner';
import { REAL_DATASET } from '../support/real-dataset';

describe('a name-free frame', () => {
  it('is scanned without building the full matcher, until a name arrives', async () => {
    document.body.innerHTML = `<h1>Weekend offers</h1><p>Forty per cent off <b>garden chairs</b> this week.</p>
      <ul><li>Free delivery</li><li>Returns within 30 days</li></ul>`;
    const matcher = new Matcher(REAL_DATASET);
    const scanner = new PageScanner(matcher);
    const live = startLiveScan(document.documentElement, scanner, { isOurs: () => false });
    await live.ready;
    expect(scanner.mentionCount).toBe(0);
    expect(matcher.built).toBe(false);

    const p = document.createElement('p');
    p.textContent = 'Zabihullah Mujahid, the Taliban spokesman, spoke in Kabul.';
    document.body.append(p);
    await expect.poll(() => scanner.mentionCount, { timeout: 3000 }).toBeGreaterThan(0);
    expect(matcher.built).toBe(true);
    live.stop();
  });
});
