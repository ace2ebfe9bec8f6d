// Dates as the corpus writes them ("09.06.2021", "June 9, 2021", "9 June 2021"), kept as ISO strings.

/** "2021-06-09" for a known day, "2021" for a year only. ISO strings sort chronologically. */
export type IsoDate = string;

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_ABBREVIATIONS = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1, 3));
const MONTH_NAMES = MONTHS.join('|');

function iso(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a numeric date "dd.mm.yyyy". */
export function parseDottedDate(text: string): IsoDate | undefined {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return match ? iso(+match[3], +match[2], +match[1]) : undefined;
}

const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g;
const MONTH_FIRST = new RegExp(`\\b(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'gi');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\s+(\\d{4})\\b`, 'gi');

export interface DateInText {
  date: IsoDate;
  start: number;
  end: number;
}

/** Every full date written in a piece of text, in order of appearance. */
export function findDates(text: string): DateInText[] {
  const found: DateInText[] = [];
  const add = (date: IsoDate | undefined, match: RegExpExecArray) => {
    if (date) found.push({ date, start: match.index, end: match.index + match[0].length });
  };
  for (const m of text.matchAll(DOTTED)) add(iso(+m[3], +m[2], +m[1]), m as RegExpExecArray);
  for (const m of text.matchAll(MONTH_FIRST)) add(iso(+m[3], MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2]), m as RegExpExecArray);
  for (const m of text.matchAll(DAY_FIRST)) add(iso(+m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]), m as RegExpExecArray);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The year a text is most about, for a document that carries no full date: the year it names
 * most often (ties go to the one named first). Undefined when it names none.
 */
export function dominantYear(text: string): IsoDate | undefined {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: string | undefined;
  for (const [year, count] of counts) if (!best || count > counts.get(best)!) best = year;
  return best;
}

/** "9 Jun 2021", "Jun 2021" for a month, "2021" for a year-only date. */
export function formatDate(date: IsoDate | undefined): string {
  if (!date) return 'undated';
  const [year, month, day] = date.split('-');
  if (!month) return year;
  const monthYear = `${MONTH_ABBREVIATIONS[Number(month) - 1]} ${year}`;
  return day ? `${Number(day)} ${monthYear}` : monthYear;
}

export function yearOf(date: IsoDate | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}
