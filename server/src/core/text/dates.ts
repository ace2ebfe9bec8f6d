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

/**
 * The Russian months as datelines write them: in the genitive ("24 апреля 2024 года"), the
 * nominative (a month on its own) and cut short ("24 апр."); in the calendar's order.
 */
const RUSSIAN_MONTHS = [
  ['января', 'январь', 'янв'], ['февраля', 'февраль', 'февр', 'фев'], ['марта', 'март', 'мар'], ['апреля', 'апрель', 'апр'],
  ['мая', 'май'], ['июня', 'июнь', 'июн'], ['июля', 'июль', 'июл'], ['августа', 'август', 'авг'],
  ['сентября', 'сентябрь', 'сент', 'сен'], ['октября', 'октябрь', 'окт'], ['ноября', 'ноябрь', 'нояб', 'ноя'], ['декабря', 'декабрь', 'дек'],
];
const RUSSIAN_MONTH_NUMBERS = new Map(RUSSIAN_MONTHS.flatMap((forms, i) => forms.map((form) => [form, i + 1] as const)));
const MONTH_OR_ABBREVIATION = `(?:${MONTH_NAMES}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|${RUSSIAN_MONTHS.flat().join('|')})\\.?`;
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?),?\\s+';
/** A time before the date: "Published: 12:45, 15 May 2024", "10:30, 15 May 2024". */
const TIME_BEFORE = '(?:\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?,?\\s+)?';
/** A byline before the date: "By Ivan Petrov | 15 May 2024". */
const BYLINE = 'by\\s+[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,3}\\s*[|,\\u2022\\u00b7-]\\s*';
/** An author's name with no "By", taken only before a reading time: "Dinara Abenova January 12, 2027 4 min read". */
const AUTHOR = "[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2} +";
/** A section's name before the date on a page's metadata line: "Kazakhstan Materials 3 November 2026 16:20". */
const SECTION = "[A-Z][a-z]+(?: [A-Z][a-z]+){0,2} +(?=\\d{1,2} [A-Z][a-z]+ \\d{4} +\\d{1,2}:\\d{2})";
const READING_TIME = /^\s*[.,\u00b7|\u2022]?\s*\d{1,3}\s+min(?:ute)?s?\s+read\b/i;
/** The words of a page's own publication line: "Published:", "date", "Обновлено:". */
const PUBLICATION_WORDS = 'published|posted|updated|date|опубликовано|обновлено|обновлен|обновлён|дата';
/** A lead that is such a word, for testing a lead once matched. */
const PUBLICATION_LEAD = new RegExp(`^(?:${PUBLICATION_WORDS})(?![\\p{L}\\p{N}])`, 'iu');
/** Before a dateline's date: a place in capitals ("MOSCOW, ", "KRASNOARMEISK /Moscow region/, ") or "Published:". */
/**
 * The country after a place in capitals: "YEREVAN, Armenia, Nov. 29, 2033 (Xinhua) --". (An
 * outlet between slashes may stand instead of the place: "/PanARMENIAN.Net/ 19.01.2034 20:16".)
 */
const COUNTRY_AFTER_PLACE = '[A-Z][a-z]+(?: [A-Z][a-z]+)?';
const COUNTRY_IN_LEAD = new RegExp(`,\\s*${COUNTRY_AFTER_PLACE},\\s*$`);
const DATELINE_LEAD = `(?<lead>(?:${PUBLICATION_WORDS})(?:\\s+on)?\\s*:?\\s*|${BYLINE}|${AUTHOR}(?=(?:${MONTH_NAMES}|\\d))|${SECTION}|\\/[^/\\n]{1,40}\\/\\s*|[A-ZА-ЯЁ][A-ZА-ЯЁ'.\\- ]{1,40}(?:\\s*/[^/\\n]{1,40}/)?(?:,\\s*${COUNTRY_AFTER_PLACE}(?=,))?(?:,|\\.(?=\\s+\\d))\\s*)?(?:${WEEKDAY})?${TIME_BEFORE}`;
/** The day, with its ordinal ending where a page writes one ("Wed 16th September 2026"). */
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
const MONTH = `(?<month>${MONTH_OR_ABBREVIATION})`;
/** The year, and in Russian the word "year" that may follow it: "2024 года", "2024 г.". */
const YEAR = '(?<year>\\d{4})(?:\\s*(?:года|год|г\\.))?';
const DATELINE_FORMS: { pattern: RegExp; yearless?: boolean }[] = [
  { pattern: new RegExp(`^${DATELINE_LEAD}${DAY}\\.(?<monthNumber>\\d{1,2})\\.${YEAR}`, 'i') },
  // "2024-06-27", with the time of an ISO stamp ("2024-05-15T10:30:00+03:00"); "2024/05/15".
  { pattern: new RegExp(`^${DATELINE_LEAD}${YEAR}(?<sep>[-/])(?<monthNumber>\\d{2})\\k<sep>${DAY}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?`, 'i') },
  // "15/05/2024": day and month told apart only when one of them is over 12; "05/06/2024" is left undated.
  { pattern: new RegExp(`^${DATELINE_LEAD}(?<first>\\d{1,2})\\/(?<second>\\d{1,2})\\/${YEAR}`, 'i') },
  // "27 June 2024", "27-Jun-2024", "15 / September / 2032".
  { pattern: new RegExp(`^${DATELINE_LEAD}${DAY}(?:\\s+|-|\\s*\\/\\s*)${MONTH}(?:,?\\s+|-|\\s*\\/\\s*)${YEAR}`, 'i') },
  { pattern: new RegExp(`^${DATELINE_LEAD}${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'i') },
  // A wire dateline without the year ("MOSCOW, October 16. /TASS/", "28 Mar. 13:30"): no date to give.
  { pattern: new RegExp(`^${DATELINE_LEAD}(?:\\d{1,2}\\s+${MONTH_OR_ABBREVIATION}|${MONTH_OR_ABBREVIATION}\\s+\\d{1,2})(?=[.,]?(?:\\s|$)|\\/)`, 'i'), yearless: true },
];

const HAS_DIGIT = /\d/;
/** "of " or "dated " opening a line that is a legal text's date ("от " in Russian). */
const LEGAL_DATE_LEAD = /^(?:of|dated|от)[ \u00a0]+(?=\d|[A-Za-zА-Яа-яЁё]+[ \u00a0]+\d)/iu;

/** "Almaty/13.01.22/Turan: …": a place, the date with two digits of year and the agency, between slashes. */
const SLASHED_DATELINE = /^\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?\/(\d{1,2})\.(\d{1,2})\.(\d{2})\/\p{Lu}[\p{L}.-]*:/u;

/** "9 Jul 27", a line of its own: a day, a month and two digits of year, as agencies' digests date an item. */
const TWO_DIGIT_YEAR_LINE = new RegExp(`^(\\d{1,2})\\s+(${MONTH_OR_ABBREVIATION})\\s+(\\d{2})$`, 'i');

/** "Bishkek, ", "Nur-Sultan, ": one or two title-case words that are no preposition. */
const TITLE_CASE_PLACE = /^(?!(?:In|On|At|By|From|Since|Until|After|Before|During|Between|For|To|As|The|В|Во|На|С|Со|По|Из|До|После|К)(?![\p{L}\p{N}]))\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?[,.]\s*$/u;

/** A dateline's lead with no lower-case letter outside its slashes: "MOSCOW, ", "KRASNOARMEISK /Moscow region/, ". */
function inCapitals(lead: string): boolean {
  return !/[a-zа-яё]/.test(lead.replace(/\/[^/]*\//, '').replace(COUNTRY_IN_LEAD, ','));
}

/** A year written with two digits: the CSTO's texts run from 1992, so "92"–"99" are the 1990s. */
function fullYear(twoDigits: string): number {
  return +twoDigits + (+twoDigits >= 50 ? 1900 : 2000);
}

function datelineDate(groups: Record<string, string | undefined>): IsoDate | undefined {
  const { day, month, monthNumber: number, year, first, second } = groups;
  if (first && second && year) {
    if (+first > 12 && +second <= 12) return iso(+year, +second, +first);
    if (+second > 12 && +first <= 12) return iso(+year, +first, +second);
    return undefined;
  }
  if (!day || !year) return undefined;
  return iso(+year, number ? +number : monthNumber(month ?? ''), +day);
}
/**
 * What may follow the date of a dateline that opens a paragraph: an agency, a dash, a time, the
 * same day again in words ("date 2023-04-20 20 Apr. 11:05"), or the end.
 */
const AFTER_DATELINE = /^[.,]?\s*(?:$|\/\s*\d{1,2}:\d{2}|:\s*\d{1,2}[:.-]\d{2}\s*$|\/[^/\n]{1,20}\/|\/\s*\p{Lu}|\(?[A-Z]{2,}\)?|\(\p{Lu}[\p{L}\p{N}.&' -]{1,30}\)\s*[-\u2013\u2014]|[-\u2013\u2014|\u2022\u00b7]|\d{1,2}[:.]\d{2}|in\s|at\s|by\s)/u;
/**
 * The outlet after the date, then a dash or the outlet's slashes: "DUSHANBE, December 9, 2026,
 * Asia-Plus -- ", "MOSCOW, 9 June 2021, Reuters - ". One to three words that open with a capital
 * or a digit ("24.kg"), so a sentence after a comma ("…, the ministers met -") is none.
 */
const OUTLET = ",\\s*[\\p{Lu}\\p{N}][\\p{L}\\p{N}.'&-]*(?:\\s[\\p{Lu}\\p{N}][\\p{L}\\p{N}.'&-]*){0,2}";
const OUTLET_AFTER_DATE = new RegExp(`^${OUTLET}\\s*(?:[-\u2013\u2014]|\\/)`, 'u');
const SAME_DAY_AGAIN = new RegExp(`^\\s+\\d{1,2}\\s+${MONTH_OR_ABBREVIATION}(?:\\s|$)`, 'i');
/**
 * A page's counters after the date, to the end of the line ("12 January 2026    Read: 814",
 * "June 9, 2021 | Views: 1,204 | Comments: 3"): a label and a number, after a gap of columns, a bar,
 * or with a colon.
 */
const PAGE_COUNTERS = /^(?:\s*[|\u2022\u00b7]\s*|\s{2,}|\t\s*|\s(?=\p{L}+(?: \p{L}+)?:))(?:\p{L}+(?: \p{L}+)?:?\s*\d[\d,.]*(?:\s*[|\u2022\u00b7]\s*|\s+|$))+$/u;

function monthNumber(name: string): number {
  const russian = RUSSIAN_MONTH_NUMBERS.get(name.toLowerCase().replace(/\.$/, ''));
  if (russian) return russian;
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

/**
 * The date a dateline or publication line gives: a line that is a date ("27 June 2024",
 * "June 9, 2021", "24.04.2024", "2024-06-27"), or that opens with one after a place in capitals or
 * "Published:" ("MOSCOW, June 9, 2021 /TASS/ - …"). A dateline without a year ("MOSCOW, October
 * 16. /TASS/") says `yearless` and gives no date. Undefined for a line that is no dateline: a
 * date inside a sentence ("established in 1992", "on 12 May 2022 the Council met") never is.
 */
export function parseDateline(line: string): { date: IsoDate | undefined; yearless: boolean; whole: boolean } | undefined {
  const text = line.trim();
  // A legal text's date on its own line under the title: "of October 5, 2007", "dated 5 October
  // 2007", "от 5 октября 2007 года"; only the date may follow.
  const legal = LEGAL_DATE_LEAD.exec(text);
  if (legal) {
    const rest = parseDateline(text.slice(legal[0].length));
    return rest?.whole && rest.date ? rest : undefined;
  }
  // Every form holds a digit within its lead's reach: a title or a sentence without one is none.
  if (!HAS_DIGIT.test(text.slice(0, 160))) return undefined;
  const slashed = SLASHED_DATELINE.exec(text);
  if (slashed) {
    return { date: iso(fullYear(slashed[3]), +slashed[2], +slashed[1]), yearless: false, whole: text.length === slashed[0].length };
  }
  const twoDigits = TWO_DIGIT_YEAR_LINE.exec(text);
  if (twoDigits) {
    return { date: iso(fullYear(twoDigits[3]), monthNumber(twoDigits[2]), +twoDigits[1]), yearless: false, whole: true };
  }
  for (const form of DATELINE_FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    // A place before the date is written in capitals ("MOSCOW"); "In Moscow, 9 June 2021 …" is a sentence.
    const lead = match.groups?.lead ?? '';
    const rest = text.slice(match[0].length);
    // Or, on a line of its own with an outlet or a dash after the date, a place in title case
    // ("Bishkek, June 9, 2021 - 24.kg"); never a preposition ("In Moscow, …").
    // Or an agency in capitals, then the dash ("Москва. 31 августа. INTERFAX.RU - "), or the
    // agency between slashes ("Bishkek, Nov. 19, 2027. / Kabar/.").
    const titled = TITLE_CASE_PLACE.test(lead) && /^[.,]?\s*(?:(?:\d{1,2}:\d{2}\s*)?(?:\p{Lu}[\p{Lu}\p{N}.]+\s*)?[-\u2013\u2014|]|\/\s*\p{Lu}[\p{L}\p{N}.&' -]{0,30}\/)/u.test(rest);
    // A title-case lead stands before a date only on a line a time follows: an author's (with a
    // reading time) or a section's ("Kazakhstan Materials 3 November 2026 16:20 (UTC +04:00)").
    const authored = READING_TIME.test(rest) || (!!lead && /^[A-Z]/.test(lead) && !inCapitals(lead) && /^\s+\d{1,2}:\d{2}(?:\s*\([^)]{1,20}\))?\s*$/.test(rest));
    if (lead && !titled && !authored && !PUBLICATION_LEAD.test(lead) && !/^(?:by|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}\p{N}])/iu.test(lead) && !inCapitals(lead)) continue;
    const counters = PAGE_COUNTERS.test(rest);
    // A page's own stamp ("date 2027-08-20 https://…", "Published 12 May 2022 Valery …") dates it
    // whatever follows: an address, a headline or the first sentence.
    const stamped = !form.yearless && PUBLICATION_LEAD.test(lead);
    // A numeric date glued to the first sentence, as pages lose their line breaks ("21.05.2026On 20 May …").
    const glued = !!match.groups?.monthNumber && !lead && /^\p{Lu}\p{Ll}/u.test(rest);
    if (!counters && !glued && !authored && !stamped && !AFTER_DATELINE.test(rest) && !SAME_DAY_AGAIN.test(rest) && !OUTLET_AFTER_DATE.test(rest)) continue;
    return { date: form.yearless ? undefined : datelineDate(match.groups ?? {}), yearless: !!form.yearless, whole: counters || /^[.,]?\s*(?:[/:]?\s*\d{1,2}[:.-]\d{2}(?:\s*\([^)]*\))?)?\s*$/.test(rest) };
  }
  return undefined;
}

const CAPITALS_OPENING = /^[A-Z][^a-zа-яё]/;

/** After the date of a dateline that opens a sentence: the outlet or agency, then a dash. */
const DASH_AFTER_DATE = new RegExp(`^(?:${OUTLET})?\\.?\\s*(?:\\/[^/\\n]{1,20}\\/\\.?\\s*|\\(\\p{Lu}[\\p{L}.-]*\\)\\s*)?[-\u2013\u2014]+\\s+`, 'u');

/**
 * Where the words of a sentence begin after the dateline that opens it: "BISHKEK, 7 May 2025 - ",
 * "DUSHANBE, December 9, 2026, Asia-Plus -- ", "MINSK, June 3 (Reuters) - ". 0 when no dateline
 * with a place in capitals and a dash opens it.
 */
export function afterDatelineLead(sentence: string): number {
  const indent = sentence.length - sentence.trimStart().length;
  const text = sentence.slice(indent);
  // The lead must be in capitals (a place, "PUBLISHED:"): its first letter Latin, the next
  // character no lower-case letter. Most sentences ("The …") are none, and need no form tried.
  if (!CAPITALS_OPENING.test(text) || !HAS_DIGIT.test(text.slice(0, 160))) return 0;
  for (const form of DATELINE_FORMS) {
    const match = form.pattern.exec(text);
    const lead = match?.groups?.lead;
    if (!match || !lead || !/^[A-Z]/.test(lead) || !inCapitals(lead)) continue;
    const dash = DASH_AFTER_DATE.exec(text.slice(match[0].length));
    if (dash) return indent + match[0].length + dash[0].length;
  }
  return 0;
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
