/** Dates of the dataset (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) in words a reader uses: "July 2025", "3 July 2025". */
export function readerDate(date: string, locale: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year!;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1));
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', timeZone: 'UTC', ...(day ? { day: 'numeric' } : {}) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(time);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(time);
  }
}
