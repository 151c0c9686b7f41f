/**
 * Build-time: how current the dataset is. Lists every `roleNow` whose `asOf` is more than a year
 * older than the dataset's `reviewed` date (a role marked `final`, a death or a dissolution, never
 * is), and every source labelled a relay. `node build.mjs` prints it; it never fails the build.
 */
import type { Figure } from './dataset';

/** How old a `roleNow.asOf` may be, in months before the dataset's `reviewed` date. */
const STALE_AFTER_MONTHS = 12;

interface StaleRole {
  figure: string;
  /** The role's `asOf`, or undefined when it has none. */
  asOf: string | undefined;
  text: string;
}

interface RelaySource {
  url: string;
  title: string;
  publisher: string;
  /** Ids of the figures that cite it. */
  figures: string[];
}

export interface FreshnessReport {
  reviewed: string;
  staleRoles: StaleRole[];
  relays: RelaySource[];
}

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as a UTC time; a missing month or day counts as the first. */
export function startOf(date: string): number {
  const [year, month = '01', day = '01'] = date.split('-');
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}

/** Whether `asOf` is more than `months` months before `reviewed` (a missing `asOf` always is). */
export function isStale(asOf: string | undefined, reviewed: string, months = STALE_AFTER_MONTHS): boolean {
  if (!asOf) return true;
  const limit = new Date(startOf(reviewed));
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return startOf(asOf) < limit.getTime();
}

type FreshnessFigure = Pick<Figure, 'id' | 'roleNow' | 'sources'>;

export function freshnessReport(figures: readonly FreshnessFigure[], reviewed: string): FreshnessReport {
  const staleRoles: StaleRole[] = [];
  const relays = new Map<string, RelaySource>();
  for (const figure of [...figures].sort((a, b) => a.id.localeCompare(b.id))) {
    const role = figure.roleNow;
    if (!role.final && isStale(role.asOf, reviewed)) staleRoles.push({ figure: figure.id, asOf: role.asOf, text: role.text });
    for (const source of figure.sources) {
      if (!source.relay) continue;
      const entry = relays.get(source.url) ?? { url: source.url, title: source.title, publisher: source.publisher, figures: [] };
      entry.figures.push(figure.id);
      relays.set(source.url, entry);
    }
  }
  return { reviewed, staleRoles, relays: [...relays.values()] };
}

/** The report as the build prints it: a few lines, or one saying all is current. */
export function formatFreshnessReport(report: FreshnessReport): string[] {
  const lines: string[] = [];
  if (report.staleRoles.length) {
    lines.push(`freshness: ${report.staleRoles.length} current role(s) last confirmed more than ${STALE_AFTER_MONTHS} months before ${report.reviewed}:`);
    for (const role of report.staleRoles) lines.push(`  ${role.figure}: roleNow.asOf ${role.asOf ?? '(none)'}`);
  } else {
    lines.push(`freshness: every current role confirmed within ${STALE_AFTER_MONTHS} months of ${report.reviewed}`);
  }
  if (report.relays.length) {
    lines.push(`freshness: ${report.relays.length} source(s) are relays of another outlet's report:`);
    for (const relay of report.relays) lines.push(`  ${relay.publisher}: ${relay.url} (${relay.figures.join(', ')})`);
  }
  return lines;
}
