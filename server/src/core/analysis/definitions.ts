// Which sentence defines an entity. Each mention's sentence is scored for the ways definitions are
// written, and only where the defining words are said of that mention: "The Joint Staff is a
// permanent working body …", "the Peacekeeping Forces, which consist of …", "Echelon-2025 - a
// special exercise …", "The highest body is the Collective Security Council". A sentence that
// defines another name it mentions ("… documents of the CRRF, which are designed to …") does not
// define this one, and a sentence listing many names of a kind defines none of them.

import { kindWordPattern, SERIES_KINDS } from '../catalog/vocabulary';
import { afterDatelineLead } from '../text/dates';
import { isWhiteSpace } from '../text/sentences';
import type { Entity } from '../model';

/** Other mentions of the sentence, by offsets in it. */
export interface SentenceMention {
  start: number;
  end: number;
  entityId: string;
  kind: string;
}

/**
 * What may stand between a name and the words said of it: a closing quote, its abbreviation or
 * full name in brackets ("The CSTO (Collective Security Treaty Organization) is …"), a kind noun
 * ("the Search-2025 exercise, which …"), the organisation it belongs to ("the Joint Staff of the
 * CSTO is …"), a participle set off by commas ("The CRDF, set up in 2001, are …").
 */
const BETWEEN_NAME_AND_PREDICATE = new RegExp(
  [
    '^["\u201d\u00bb\']?',
    '(?:\\s*\\([^()]{1,60}\\))?',
    // "the Channel anti-drug operation": the adjectives of kinds, or hyphenated modifiers (never a verb nor an article).
    '(?:\\s+(?:(?:joint|special|strategic|international|regional|permanent|annual|anti-drug|[a-z]+(?:-[a-z]+)+)\\s+){0,3}(?:exercises?|operations?|drills?|trainings?|manoeuvres?|maneuvers?)\\b)?',
    '(?:\\s+of\\s+the\\s+(?:CSTO|Organi[sz]ation|Collective\\s+Security\\s+Treaty\\s+Organi[sz]ation|member\\s+states))?',
    // In Russian the organisation follows in the genitive: "Коллективные миротворческие силы ОДКБ — это …".
    '(?:\\s+(?:ОДКБ|Организации\\s+Договора\\s+о\\s+коллективной\\s+безопасности))?',
    // "…, held since 2003, …", "…, numbering some 20,000 troops, …"
    '(?:\\s*,\\s*(?:set\\s+up|made\\s+up|held|run|led|built|known|based|[a-z]{3,}ed|[a-z]{3,}ing)\\s+(?:in|on|of|by|at|from|every|each|since|under|as|with|some|about|around|over|up\\s+to|more\\s+than)\\s+(?:[^,;.]|\\d[,.]\\d){1,60},(?!\\d))?',
    // "Operation Proxy, according to the Secretary General, is aimed at …"
    '(?:\\s*,\\s*according\\s+to\\s+[^,;.]{1,60},)?',
  ].join(''),
  'i',
);

/**
 * A verb of action in the present and the start of its object: "plans the training", not a
 * reporting or event verb ("says", "holds") nor a particle after it ("calls on").
 */
const PRESENT_ACTION = '(?!(?:is|has|was|does|says|said|reports|notes|adds|stresses|recalls|believes|expects|hopes|thinks|claims|warns|announces|confirms|denies|holds|hosts|opens|starts|begins|launches|signs|meets|receives|visits|sends|completes|welcomes|calls|urges|condemns)\\b)[a-z]{2,}[^s\\W]s\\s+(?!(?:to|that|it|in|on|at|with|for|from|by|up|out|back|down)\\b)[a-z]';
/**
 * The same in Russian: "КСОР — это основная группировка …", "Совет … является высшим органом",
 * "представляет собой", "создан в 2009 году для …", "предназначена для", "нацелено на", "состоит
 * из", and a relative clause with "который" that says what it is or does.
 */
const RUSSIAN_DEFINING_AFTER: { pattern: RegExp; score: number }[] = [
  { pattern: /^\s*[-\u2013\u2014]\s*это\s/iu, score: 3 },
  // The dash that stands for "is" in Russian: "Комитет … — орган ОДКБ, который …", not a
  // preposition or a particle after it ("КСОР — в полной готовности", "— не только …").
  { pattern: /^\s*[\u2013\u2014]\s*(?!(?:в|во|на|с|со|по|к|ко|из|у|о|об|за|до|от|для|при|не|ни|уже|ещё|еще|тоже|также|и|а|но)(?![\p{L}]))[а-яё]{3,}/u, score: 3 },
  { pattern: /^\s*,?\s*(?:является|являются|являлся|являлась|являясь|представляет\s+собой|представляют\s+собой)\s/iu, score: 3 },
  // "ОДКБ была создана в 2002 году и является …": when it was made, then what it is.
  { pattern: /^\s*,?\s*(?:(?:был[аои]?)\s+)?(?:создан[аоы]?|сформирован[аоы]?|учрежд[её]н[аоы]?|образован[аоы]?)\s+(?:в\s+\d{4}\s+(?:году|г\.)\s+)?и\s+(?:является|являются|представляет\s+собой|представляют\s+собой)\s/iu, score: 3 },
  { pattern: /^\s*,?\s*(?:(?:был[аои]?|будет|будут)\s+)?(?:создан[аоы]?|сформирован[аоы]?|учрежд[её]н[аоы]?|образован[аоы]?)\s+(?:в\s+\d{4}\s+(?:году|г\.)\s+)?(?:для|в\s+целях|с\s+целью)\s/iu, score: 3 },
  { pattern: /^\s*,?\s*(?:(?:был[аои]?|будет|будут)\s+)?(?:предназначен[аоы]?\s+для|призван[аоы]?|нацелен[аоы]?\s+на|направлен[аоы]?\s+на|отвечает\s+за|отвечают\s+за|состоит\s+из|состоят\s+из|включает|объединяет|объединяют|координирует)(?![\p{L}])/iu, score: 3 },
  { pattern: /^\s*,\s*(?:который|которая|которое|которые)\s+(?:является|являются|отвечает|отвечают|предназначен[аоы]?|призван[аоы]?|состоит|состоят|включает|объединяет|обеспечивает|координирует)(?![\p{L}])/iu, score: 3 },
  { pattern: /^\s*,\s*(?:который|которая|которое|которые)(?![\p{L}])/iu, score: 2 },
];

/**
 * Defining words right after the name (after what BETWEEN_NAME_AND_PREDICATE allows); `notOnADay`
 * words do not define in a sentence about a day's event.
 */
const DEFINING_AFTER: { pattern: RegExp; score: number; notOnADay?: boolean }[] = [
  // "…, which consists of", "…, a multinational staff of officers, is charged with"
  { pattern: /^\s*,?\s*(which|that|who)\s+(?:(?:mostly|mainly|largely|primarily|chiefly|now|currently|also|still|usually)\s+)?(?:(?:is|are|was|were|will be)\s+(?:a|an|the|one of|designed|intended|aimed|responsible|tasked|charged|entrusted|composed|made up|focused)\b|(?:consists?|comprises?|includes?|focuses|aims?|targets?|brings together|unites?|serves?|coordinates?|deals?)\b)/i, score: 3 },
  // Its members: "The CSTO comprises Armenia, Belarus, …", "unites six states".
  { pattern: /^\s*,?\s*(?:(?:which|that)\s+)?(?:comprises|consists of|unites|brings together|is made up of|is composed of|groups|includes)\s+(?:[A-Z][a-z]+,|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:states|countries|members))/, score: 3 },
  // "The ACC, which links the national teams …, was founded …": what it does, in a relative clause.
  { pattern: new RegExp(`^\\s*,\\s*(?:which|that)\\s+${PRESENT_ACTION}`), score: 3, notOnADay: true },
  // A relative clause about when or where it is held ("…, which this year will be carried out in
  // three member states") reports an occasion, not what the thing is.
  { pattern: /^\s*,?\s*(which|that)\b(?!(?:\s+[a-z]+){0,3}?\s+(?:(?:will|would|is|are|was|were)\s+(?:be\s+|being\s+)?)?(?:held|carried\s+out|conducted|staged|hosted|took\s+place|takes?\s+place|will\s+take\s+place|began|begins|ended|ends|ran|runs)\b)/i, score: 2 },
  // "is a permanent working body", "will be a command and staff exercise", "serves as the …"
  // (not "was the first time that …", "is a reason to …": a predicate about an occasion, not the thing).
  { pattern: /^\s*,?\s*(is|are|was|were|will be|remains?|serves? as|will serve as|acts? as)\s+(a|an|the|one of)\b(?!\s+(?:(?:first|second|third|last|only|same|next)\s+)?(?:time|times|day|year|moment|occasion|case|reason|result|step|sign)\b)/i, score: 3 },
  // "is responsible for", "is tasked with", "will focus on", "aims to", "consists of"
  { pattern: /^\s*,?\s*(?:(?:is|are|was|were|will be|has been|have been)\s+)?(responsible for|tasked with|charged with|entrusted with|designed to|intended to|aimed at|focused on|called upon to|set up to|created to|established to|dedicated to|devoted to)\b/i, score: 3 },
  // What an exercise or operation is held for: "will be held to practise …", "is conducted annually
  // in order to …", "will practise the deployment of …".
  { pattern: /^\s*,?\s*(?:(?:is|are|was|were|will be|has been|have been)\s+(?:held|conducted|organi[sz]ed|carried out|run)\s+(?:annually\s+|every\s+year\s+|regularly\s+)?(?:since\s+\d{4}\s+)?(?:in\s+order\s+)?to\s+[a-z]|will\s+(?:practi[cs]e|rehearse|work out|simulate|test)\s+(?:the|a|an|joint|actions|interaction)\b)/i, score: 3 },
  // A plural name or kind, with a verb of what it does: "The CRRF include motorised units …",
  // "Cobalt exercises bring together special units …", "Echelon exercises train the logistics units".
  { pattern: /^\s*,?\s*(?:(?:mainly|mostly|also)\s+)?(?:include|includes|bring together|unite|train|involve|practi[cs]e|rehearse|target|counter|combat|guard|protect|provide|ensure|coordinate|cover)\s+(?!(?:to|that|it|in|on|at|with|for|from|by|up|out)\b)[a-z]/, score: 3, notOnADay: true },
  // "were conceived as the CSTO's main strike force", "was planned as a command-post exercise"
  { pattern: /^\s*,?\s*(?:is|are|was|were)\s+(?:conceived|designed|envisaged|planned|intended|created|set up|established|formed)\s+as\s+(?:a|an|the)\b/i, score: 3 },
  // Its parts: "comprises parliamentary delegations from …", "is made up of battalions …".
  { pattern: /^\s*,?\s*(?:comprises|comprise|(?:is|are)\s+(?:composed|made\s+up)\s+of)\s+(?!the\s+(?:first|second|last)\b)[\p{L}\d]/iu, score: 3 },
  // "was created in 2012 to coordinate", "was set up in May 2007 as a standing body" (not "was
  // established in 1992" alone, nor "… as a result of").
  { pattern: /^\s*,?\s*(?:is|are|was|were|has been|have been)\s+(?:set up|created|established|formed|founded)\s+(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s+(?:to\s|as\s+(?:a|an|the)\s+(?!result\b))/i, score: 3 },
  { pattern: /^\s*,?\s*(?:will\s+)?(aims?|focus(?:es)?|concentrates?|consists?|comprises?|brings? together|unites?)\s+(to|at|on|of|the|all|military|servicemen|units|forces)\b/i, score: 3 },
  // An apposition that says what it is: "the Joint Staff, a multinational staff of officers from …,"
  // (a phrase without a verb of its own, closed by a comma: ", the CSTO was seen as a force" is a clause).
  // Or what it is to the name before it: "the Council of the Assembly, its governing body, …".
  { pattern: /^\s*,\s*(a|an|the|its|their)\s+(?:(?!\b(?:is|are|was|were|has|have|had|will|would)\b)[^,;]){0,80}?\b(body|organ|exercise|operation|force|forces|formation|unit|council|committee|structure|collective|staff|cent(?:er|re)|grouping|training|drills?|mechanism|institution|alliance|organi[sz]ation)\b(?:(?!\b(?:is|are|was|were|has|have|had|will|would)\b)[^,;]){0,120},/i, score: 4 },
  // The same at the end of the sentence, short, in lower case and introduced by "a": "…, and
  // Echelon-2027, a logistics exercise." (not ", the CSTO Joint Staff said.", nor ", a session of
  // the Collective Security Council … took place.").
  { pattern: /^\s*,\s*(?:a|an)\s+(?![a-z -]*\b(?:is|are|was|were|has|have|had|will|would|said|says|told|took|held|met|began|opened|ended)\b)[a-z -]{0,40}\b(?:body|organ|exercise|operation|force|forces|formation|unit|council|committee|structure|staff|cent(?:er|re)|grouping|training|drills?|mechanism|institution|alliance|organi[sz]ation)\b[a-z -]{0,40}\.\s*$/, score: 4 },
  // A dash definition: "Echelon-2025 - a special exercise of the logistics units - …"
  { pattern: /^\s*[-\u2013\u2014]\s*(a|an|the)\s+/i, score: 3 },
  ...RUSSIAN_DEFINING_AFTER,
];
/**
 * Every English word a DEFINING_AFTER pattern can open with, after a comma and white space. Most
 * names are followed by other words ("met", "said", "and"): one lookup spares them the patterns.
 */
const DEFINING_OPENERS = new Set([
  'which', 'that', 'who', 'is', 'are', 'was', 'were', 'will', 'has', 'have', 'remains', 'remain', 'serves', 'serve', 'acts', 'act',
  'responsible', 'tasked', 'charged', 'entrusted', 'designed', 'intended', 'aimed', 'focused', 'called', 'set', 'created', 'established', 'dedicated', 'devoted',
  'mainly', 'mostly', 'also', 'include', 'includes', 'bring', 'brings', 'unite', 'unites', 'train', 'involve', 'practise', 'practice', 'rehearse',
  'target', 'counter', 'combat', 'guard', 'protect', 'provide', 'ensure', 'coordinate', 'cover', 'groups', 'comprises', 'comprise', 'consists', 'consist',
  'aims', 'aim', 'focus', 'focuses', 'concentrates', 'concentrate', 'a', 'an', 'the', 'its', 'their',
]);

/**
 * False when no DEFINING_AFTER pattern can match `after`: its first word, past a comma and white
 * space, is an English word none of them opens with. Anything else (a dash, a Cyrillic word) is
 * left to the patterns.
 */
function mayDefineAfter(after: string): boolean {
  let i = 0;
  while (i < after.length && isWhiteSpace(after.charCodeAt(i))) i++;
  if (after.charCodeAt(i) === 44) {
    i++;
    while (i < after.length && isWhiteSpace(after.charCodeAt(i))) i++;
  }
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!letter(after.charCodeAt(i))) return true;
  let j = i;
  while (j < after.length && letter(after.charCodeAt(j))) j++;
  return DEFINING_OPENERS.has(after.slice(i, j).toLowerCase());
}

/**
 * Defining words right before the name. `endings` are the letters their last word can end in: a
 * pattern anchored at the end is otherwise tried from every position of the text before the name.
 */
const DEFINING_BEFORE = [
  { pattern: /\b(is|are|was|were)\s+(the|a|an)\s*["\u201c\u00ab']?$/i, score: 3, endings: 'ean' },
  // A name alone ("the plan of the operation, dubbed Illegal-2029"): with a kind word and a long
  // name it would reach a definition's score, though it says nothing of what the thing is.
  { pattern: /\b(titled|called|named|known as|code-?named|dubbed)\s*["\u201c\u00ab']?$/i, score: 1, endings: 'ds' },
  // "A sub-regional anti-drug operation, dubbed X, was held": a thing of its kind introduced, then
  // named; what it is of or for may come between ("an exercise of radiation, chemical and biological
  // protection units, called Barrier-2028").
  { pattern: /\b(?:a|an)\s+(?:[a-z-]+\s+){0,4}?(?:body|organ|exercises?|operations?|force|forces|formation|unit|council|committee|structure|staff|cent(?:er|re)|grouping|training|drills?|mechanism|institution|alliance|organi[sz]ation)(?:\s+(?:of|for|on|with|against)\s+[^.;!?()"\u201c\u00ab]{1,100}?)?\s*,?\s*(?:titled|called|named|known as|code-?named|dubbed)\s*["\u201c\u00ab']?$/i, score: 3, endings: 'ds' },
  // "a permanent operation aimed at countering crimes in the field of information technology
  // (Operation PROXY)": what it is, then its name in brackets.
  { pattern: /\b(?:a|an)\s+(?:[a-z-]+\s+){0,3}?(?:body|organ|exercises?|operations?|force|forces|formation|unit|council|committee|structure|cent(?:er|re)|grouping|training|drills?|mechanism)\s+(?:aimed\s+at|designed\s+to|intended\s+to|responsible\s+for|to\s+counter|against|that|which)\b[^().;]{3,160}\(\s*(?:(?:operation|exercise)\s+)?["\u201c\u00ab']?$/i, score: 3, endings: '(n' },
];

/**
 * What it does, in the present: "the Joint Staff plans the training of …", "gives the heads of
 * state a secure link": a verb in -s and an article or possessive after it. Said only of a name
 * that opens its sentence (news reports what happened in the past tense).
 */
const DOES = new RegExp(`^\\s*${PRESENT_ACTION}`);
/** What a body will do, by the verbs of a mandate (not "will meet", "will discuss": an event). */
const WILL_DO = /^\s*will\s+(?:also\s+)?(?:analy[sz]e|coordinate|monitor|assess|oversee|ensure|develop|organi[sz]e|provide|exchange|support|protect|counter|combat|plan|supervise|manage|train|advise)\s+[a-z]/;
/** A sentence about a day ("on Monday", "this week", "on 12 May"): a present tense there reports an event. */
const WHEN = /\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}\s+[a-z]+)|today|tomorrow|tonight|(?:this|next|last)\s+(?:week|month|year)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2})\b/i;
/** "The purpose of the Search exercise is to …": the name's purpose, said of it. */
const PURPOSE_NOUN = '(?:purpose|aim|goal|objective|main task|task|mission)s?';
const PURPOSE = `${PURPOSE_NOUN}\\s+of`;
const PURPOSE_BEFORE = new RegExp(`\\b${PURPOSE}\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}["\u201c\u00ab]?$`, 'i');
/** A sentence that opens with the purpose of what it names. */
const PURPOSE_OPENING = new RegExp(`^\\s*(?:the\\s+)?${PURPOSE}\\b`, 'i');
const PURPOSE_AFTER = /^\s*(?:is|was|will be)\s+to\s/i;
/** "The operation's aim is to …": the purpose said with a possessive, right after the name. */
const POSSESSED_PURPOSE = new RegExp(`^['\u2019]s\\s+(?:main\\s+)?${PURPOSE_NOUN}\\s+(?:is|was|will be)\\s+to\\s`, 'i');
/** When it was made, before "and" and what it is or does: "was established in 2006 and brings together …". */
const MADE_AND = /^\s*,?\s*(?:is|are|was|were|has been|have been)\s+(?:set up|created|established|formed|founded)\s+(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}(?:\s+(?:by|at|in)\s+[^,;.]{1,60}?)?\s+and\s+(?=[a-z])/;
/** ", which opened in Moscow in 2016," between the name and its verb. */
const RELATIVE_ASIDE = /^\s*,\s*(?:which|who)\s+(?!is\b|are\b)[^,;.]{3,60},/i;
/** The sentence opens with the name: only a participle, an attribution, a kind noun ("Operation Illegal", "Учение «Гром»") or a dateline before it. */
const OPENING = /^\s*["\u201c\u00ab]?(?:(?:created|established|founded|formed|set up|launched|introduced|conceived|organi[sz]ed|headquartered|based|held|conducted|run)\b[^,]{0,40},\s*|according to [^,]{1,60},\s*)?(?:the\s+)?(?:(?:[A-Z][A-Za-z-]*\s+){0,2}[A-Z][A-Za-z]*['\u2019]s\s+)?(?:[A-Z][a-z]+-(?:led|based)\s+)?(?:(?:[a-z][a-z-]*\s+){0,2}(?:operation|exercise|training|drills?)\s+|(?:Учени[ея]|Операци[яи]|Тренировк[аи])\s+)?["\u201c\u00ab]?$/i;

const PREPOSITIONS = ['with', 'of', 'for', 'by', 'from', 'to', 'under', 'within', 'among'];

/**
 * True when the text ends with a preposition and white space, "the" and white space between them
 * allowed: /\b(?:with|of|…)\s+(?:the\s+)?$/i, without trying the pattern at every position.
 */
export function endsWithPreposition(before: string): boolean {
  const ends = (text: string) => {
    const lower = text.slice(-6).toLowerCase();
    return PREPOSITIONS.some((p) => lower.endsWith(p) && !/[A-Za-z0-9_]/.test(text.charAt(text.length - p.length - 1)));
  };
  const trimmed = before.trimEnd();
  if (trimmed.length === before.length) return false;
  if (ends(trimmed)) return true;
  if (!/(?:^|[^A-Za-z0-9_])the$/i.test(trimmed.slice(-4))) return false;
  const beforeThe = trimmed.slice(0, -3);
  const rest = beforeThe.trimEnd();
  return rest.length < beforeThe.length && ends(rest);
}

/** The last letter before the end of `before`, past one opening quote and white space, in lower case. */
function lastLetter(before: string): string {
  let end = before.length;
  const quote = before.charCodeAt(end - 1);
  if (quote === 34 || quote === 0x201c || quote === 0xab || quote === 39) end--;
  return before.slice(0, end).trimEnd().slice(-1).toLowerCase();
}
const QUOTED_TITLE = /\b(?:exercises?|trainings?|drills?|operations?)\b[^.;!?"\u201c\u00ab]{0,120}["\u201c\u00ab]\s*$/i;
/**
 * A kind word alone before a quoted title (the organisation's name may stand before it: "The CSTO
 * exercise "Rubezh-2033" was held in …"), a definite article before it and at most a naming verb
 * after it: "the plan of the operation, dubbed "Illegal-2029"" names the operation but says nothing
 * of what it is ("a sub-regional anti-drug operation «…»" does, and "an operation «…»" introduces one).
 */
const BARE_KIND_WORD = /\b(?:the|this|that|its)\s+(?:(?:CSTO|ODKB|Organi[sz]ation)(?:['\u2019]s)?\s+)?(?:exercises?|trainings?|drills?|operations?)\s*,?\s*(?:(?:dubbed|called|named|titled|code-?named)\s*)?["\u201c\u00ab]\s*$/i;
/** Defining phrases further on in the sentence: they count only when nothing else is named in between. */
const DEFINING_LATER = [
  { pattern: /\b(consists? of|consisting of|comprises?|composed of|made up of)\b/i, score: 2 },
  { pattern: /\b(aimed at|targeted at|focused on|with the purpose|intended to|designed to|to discontinue|to shut down|to counter|responsible for|tasked with|charged with)\b/i, score: 2 },
];
/** ", the highest body of the Organization,": an article, at most three words that are no preposition, a kind noun, then on to a comma. */
const COMPLEMENT_APPOSITION = /^\s*,\s*(?:a|an|the)\s+(?:(?!(?:of|for|to|in|on|with|at|by|from|and|or)\b)[a-z-]+\s+){0,3}(?:body|organ|exercise|operation|force|forces|formation|unit|council|committee|structure|staff|cent(?:er|re)|grouping|mechanism|institution|alliance|organi[sz]ation)\b[^,;.]{0,120},/i;
/** "the Collective Security Council (SKB, the highest body of the organization)": what it is, in the brackets of its initials. */
const BRACKETED_APPOSITION = /^\s*\(\s*[\p{Lu}\p{N}-]{2,10}\s*,\s*(?:a|an|the)\s+(?:(?!(?:of|for|to|in|on|with|at|by|from|and|or)\b)[a-z-]+\s+){0,3}(?:body|organ|exercise|operation|force|forces|formation|unit|council|committee|structure|staff|cent(?:er|re)|grouping|mechanism|institution|alliance|organi[sz]ation)\b[^()]{0,100}\)/u;
/** "the highest body", "a permanent working body": a body's place in the organisation, next to its name. */
const BODY_PLACE = /\b(highest|main|permanent|statutory|working|subsidiary|executive|consultative|auxiliary)\s+(body|organ|bodies)\b/i;
/** Any of the DEFINING_LATER phrases: most sentences hold none, and one search says so. */
const ANY_LATER_PHRASE = new RegExp(DEFINING_LATER.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'i');
const KIND_WORDS = kindWordPattern('i');
/** A sentence naming this many entities of the name's kind is a list ("the plan includes A, B, C and D"). */
const LIST_SIZE = 3;

/**
 * How much a sentence reads like a definition of the entity it mentions at [start, end); `others`
 * are the sentence's other mentions, by offsets in it.
 */
export function definitionScore(sentence: string, mentionStart: number, mentionEnd: number, entity: Entity, surface: string, others: readonly SentenceMention[] = []): number {
  const before = sentence.slice(0, mentionStart);
  const afterName = sentence.slice(mentionEnd);
  let between = BETWEEN_NAME_AND_PREDICATE.exec(afterName)?.[0] ?? '';
  // "the Interaction 2026 exercise with the Collective Rapid Reaction Forces is designed to …":
  // the name's kind noun, then what it is held with, then what is said of it.
  const withOther = between && /^\s+with\s+(?:the\s+)?/i.exec(afterName.slice(between.length));
  const partner = withOther && others.find((o) => o.start === mentionEnd + between.length + withOther[0].length);
  if (partner) between = afterName.slice(0, partner.end - mentionEnd);
  // "was established in 2006 and brings together …": when it was made, then what it is or does.
  const made = MADE_AND.exec(afterName.slice(between.length));
  const after = afterName.slice(between.length + (made ? made[0].length : 0));
  // "… exercise with the CRRF is designed to …": after a preposition, with a name before it, the
  // name is a complement; what follows is said of the name before.
  // A relative clause ("…, which are designed to …") is still said of the nearest name.
  const complement = others.some((o) => o.end <= mentionStart) && endsWithPreposition(before) && !/^\s*,?\s*(?:which|that|who)\b/i.test(after);
  // "… Rubezh-2025 and Cobalt-2025 exercises, which …" speaks of every name of the list.
  const ofMany = /s\s*$/i.test(between) && /(?:exercises|operations|drills|trainings|manoeuvres|maneuvers)\s*$/i.test(between);
  let score = 0;
  let attached = false;
  for (const { pattern, score: s, notOnADay } of complement || !mayDefineAfter(after) ? [] : DEFINING_AFTER) {
    if (!complement && pattern.test(after) && !(notOnADay && WHEN.test(sentence))) {
      score += s;
      attached = s >= 3;
      break;
    }
  }
  // An apposition headed by what it is speaks of the name before it even where that name is a
  // complement: "proposals for the Collective Security Council, the highest body of the
  // Organization, which …" (not ", the commander of the exercise's contingent,").
  if (complement && COMPLEMENT_APPOSITION.test(after)) {
    score += 4;
    attached = true;
  }
  if (!attached && BRACKETED_APPOSITION.test(afterName)) {
    score += 4;
    attached = true;
  }
  // Tried only where it decides something: most sentences are neither defining nor a full stop.
  let opensAt: boolean | undefined;
  const opens = () => (opensAt ??= OPENING.test(before.slice(afterDatelineLead(before))));
  // A headline ("Military Committee reviews the year") has no full stop; a short form ("the
  // Council") refers back to a name rather than introduces it.
  if (!attached && !complement && /[.!?]["\u201d\u00bb']?\s*$/.test(sentence) && (/[\s\d]/.test(surface) || /^[\p{Lu}\p{N}-]+$/u.test(surface) || surface === entity.name || entity.aliases.includes(surface)) && opens()) {
    // "The Crisis Response Center, which opened in 2016, gives …": the verb after the aside.
    const aside = RELATIVE_ASIDE.exec(after);
    const verb = aside ? after.slice(aside[0].length) : after;
    // A body being set up is said by what it will do: "The coordinating council will analyse …".
    if ((DOES.test(verb) || (entity.kind === 'body' && WILL_DO.test(verb))) && !WHEN.test(sentence)) {
      score += 3;
      attached = true;
    }
  }
  // "The operation's aim is to detect …": its purpose, said with a possessive.
  if (!attached && POSSESSED_PURPOSE.test(afterName)) {
    score += 3;
    attached = true;
  }
  if (!attached && PURPOSE_AFTER.test(after) && PURPOSE_BEFORE.test(before)) {
    score += 3;
    attached = true;
  }
  const ending = lastLetter(before);
  for (const { pattern, score: s, endings } of DEFINING_BEFORE) {
    if (ending && endings.includes(ending) && pattern.test(before)) {
      score += s;
      attached ||= s >= 3;
    }
  }
  const otherNames = others.filter((o) => o.entityId !== entity.id);
  const namedBetween = (from: number, to: number, kind?: string) => otherNames.some((o) => o.start >= from && o.end <= to && (!kind || o.kind === kind));
  // A quoted title after what it is ("the command-staff training with the Peacekeeping Forces
  // «Indestructible Brotherhood-2024»"), with no other name of its kind in between.
  // Most names are not in quotes: the pattern is tried only after an opening quote.
  const titled = /["\u201c\u00ab]\s*$/.test(before.slice(-4)) ? QUOTED_TITLE.exec(before) : null;
  if (titled && !namedBetween(titled.index, mentionStart, entity.kind) && !BARE_KIND_WORD.test(before.slice(-40))) score += 3;
  if (!attached && ANY_LATER_PHRASE.test(afterName)) {
    for (const { pattern, score: s } of DEFINING_LATER) {
      const found = pattern.exec(afterName);
      if (found && !namedBetween(mentionEnd, mentionEnd + found.index)) score += s;
    }
  }
  const place = entity.kind === 'body' ? BODY_PLACE.exec(sentence) : null;
  if (place) {
    const [from, to] = place.index < mentionStart ? [place.index + place[0].length, mentionStart] : [mentionEnd, place.index];
    // "… is a subsidiary body of the Council of Foreign Ministers": the body it belongs to, not it.
    const owner = place.index < mentionStart && /^\s+of\b/i.test(sentence.slice(from, to));
    if (!owner && !namedBetween(from, to)) score += 2;
  }
  // The name is what the sentence is about: it opens it, and the defining words follow it
  // ("The ICMEC was set up in 2000 to coordinate …").
  // A participle or an attribution may open it: "Created in 2009, the CRRF is …", "According to
  // the spokesman, the Interaction 2026 exercise … is designed to …"; so may a dateline ("BISHKEK,
  // 7 May 2025 - The CRRF is …").
  if (attached && (opens() || PURPOSE_OPENING.test(before))) score += 1;
  if (SERIES_KINDS.has(entity.kind) && KIND_WORDS.test(sentence)) score += 1;
  // A name written out in full introduces; an abbreviation refers back.
  if (surface.length > 6 && !/^[\p{Lu}\p{N}\s-]+$/u.test(surface)) score += 1;
  // A list of names of a kind defines none of them, unless the defining words follow this name.
  const sameKind = new Set(otherNames.filter((o) => o.kind === entity.kind).map((o) => o.entityId));
  if (sameKind.size + 1 >= LIST_SIZE && (!attached || ofMany)) score -= 3;
  if (sentence.length > 320) score -= 2;
  else if (sentence.length > 220) score -= 1;
  return score;
}

/** The score a sentence needs to be shown as "defined in" rather than "first reported in". */
export const DEFINING_SCORE = 4;
