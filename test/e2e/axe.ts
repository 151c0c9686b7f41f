// axe-core in the page under test, for both browsers: the e2e harness injects its source (no page
// loads it from anywhere) and runs every rule axe enables by default, WCAG 2.0-2.2 A/AA and its
// best practices alike, plus target-size (2.5.8, off by default), over what `include` selects
// (our host, shadow tree included) or the whole page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  /** CSS paths of the failing nodes (shadow trees as nested arrays, as axe gives them). */
  nodes: unknown[];
  /** axe's summary of what failed, for the first node. */
  summary: string;
}

export interface AxeReport {
  violations: AxeFinding[];
  /** How many rules ran and found something to check (passes + violations), to show the run was real. */
  rulesApplied: number;
  version: string;
}

interface AxePage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate(expression: string): Promise<unknown>;
}

/** Runs in the page, once axe is loaded: runs it and returns a plain report. */
async function runInPage({ include }: { include: string | null }): Promise<AxeReport> {
  const w = window as unknown as { axe?: { version: string; run(context: unknown, options: unknown): Promise<AxeRaw> } };
  type AxeRaw = {
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
    passes: unknown[];
  };
  const context = include ? { include: [[include]] } : document;
  // target-size (WCAG 2.2 AA 2.5.8) is off by default in axe 4.14: on here. Only AAA and deprecated rules stay off.
  const raw = await w.axe!.run(context, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
  return {
    version: w.axe!.version,
    rulesApplied: raw.passes.length + raw.violations.length,
    violations: raw.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target),
      summary: v.nodes[0]?.failureSummary ?? '',
    })),
  };
}

/** axe over the element `include` selects (with its shadow tree), or over the whole page. */
export async function runAxe(page: AxePage, include: string | null = null): Promise<AxeReport> {
  // Evaluated as the test's own script, which extension pages' CSP (no eval, no inline script) allows.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${AXE_SOURCE}\n;true`);
  return page.evaluate(runInPage, { include });
}
