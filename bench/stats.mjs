// The bench's summaries of repeated measurements: medians, percentiles, spreads.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export const r2 = (x) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 100) / 100);

/** Median and spread (min, max) of the runs, the runs kept. */
export const spread = (xs) => (xs.length ? { median: r2(median(xs)), min: r2(Math.min(...xs)), max: r2(Math.max(...xs)), runs: xs.map(r2) } : null);
