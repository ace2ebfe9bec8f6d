// People the catalog lacks, found by the title or role the text gives them:
//   "President of Kyrgyzstan Sadyr Japarov", "Secretary General of the CSTO, Ivan Petrov",
//   "Major General Ivan Petrov", "Ivan Petrov, Minister of Defence of Belarus".
// The role goes on the person's card; the surname alone names the person later in the text.

import { discoveredId, type DiscoveryLexicon } from '../catalog/lexicon';
import { BODY_HEADS, KIND_WORDS } from '../catalog/vocabulary';
import type { DiscoveredInfo, FoundMention, Mention } from '../model';
import { HashSet, keyHash, nameKeys, startsCapital, wordKey, type Words } from '../text/words';
import type { Ranked } from './spans';

/** Titles, longest first so that "Deputy Secretary General" is not read as "Secretary". */
const TITLES = [
  'Deputy Secretary General', 'Deputy Secretary-General', 'Secretary General', 'Secretary-General', 'Deputy Prime Minister', 'Prime Minister',
  'Vice President', 'President', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Interior Minister', 'Deputy Minister', 'Minister',
  'Deputy Chairman', 'Chairman', 'Chairwoman', 'Chairperson', 'State Secretary', 'Deputy Secretary', 'Secretary', 'Ambassador', 'Director General', 'Director',
  'Colonel General', 'Lieutenant General', 'Major General', 'Lieutenant Colonel', 'General of the Army', 'Army General', 'Colonel',
  'Rear Admiral', 'Vice Admiral', 'Admiral', 'Commander', 'Chief', 'Head', 'Speaker', 'Special Representative', 'Special Envoy', 'Envoy',
  // A parliament's delegate to the CSTO PA: "Plenipotentiary representative of the Federal Assembly …: Mikhail Krotov".
  'Plenipotentiary Representative', 'Plenipotentiary representative',
  'Spokesman', 'Spokeswoman', 'Spokesperson', 'Press Secretary', 'spokesman', 'spokeswoman', 'spokesperson',
  // Ranks as wire services cut them short: "Lt. Gen. Ruslan Shpekbayev".
  'Lt. Gen.', 'Maj. Gen.', 'Col. Gen.', 'Lt. Col.',
].sort((a, b) => b.length - a.length);
/**
 * Titles some outlets write in lower case right before the name ("whose prime minister Nikol
 * Pashinyan"); after a comma they are no role of the name before it (", the secretary-general
 * of the CSTO said").
 */
const LOWER_CASE_TITLES = ['prime minister', 'foreign minister', 'defence minister', 'defense minister', 'secretary general', 'secretary-general', 'secretary', 'president'];
/** The first words of the titles a text may write in lower case. */
const LOWER_CASE_TITLE = /^(?:spokes|prime |foreign |defen[cs]e |president|secretary)/;
const titlePattern = (titles: readonly string[]) => titles.map((t) => t.replace(/\./g, '\\.').replace(/[ -]/g, '[ \\u00a0-]')).join('|');
const TITLE = titlePattern(TITLES);
/** The titles before a name, in lower case too. */
const TITLE_BEFORE_NAME = titlePattern([...TITLES, ...LOWER_CASE_TITLES].sort((a, b) => b.length - a.length));
const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)?`;
/**
 * A surname after the initials of the first name and patronymic, with or without spaces: "T.
 * Masadykov", "Sh.R.Nazarzoda", "A. V. Petrov" (one word of a run).
 */
const INITIALED = String.raw`(?:\p{Lu}\p{Ll}?\.[ \u00a0]?){1,3}\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)?`;
/** The first words of the titles: only where one stands is a title looked for. */
const TITLE_STARTS = new HashSet([...TITLES, ...LOWER_CASE_TITLES].map((t) => keyHash(t.split(/[ -]/)[0].replace('.', '').toLowerCase())));
/** An abbreviation in brackets after the body of a role: "Head of the UN Regional Centre … (UNRCCA) Kakha Imnadze". */
const BRACKETED_ABBREVIATION = String.raw`\(\p{Lu}[\p{Lu}\p{N}-]{1,9}\)`;
const ABBREVIATION_ALONE = new RegExp(`^${BRACKETED_ABBREVIATION}$`, 'u');
/** A body glossed in brackets after its name: "Chairman of the Majlisi Milli (Tajikistan's upper house of parliament) Rustam Emomali". */
const GLOSS = String.raw`\([^()\n]{1,60}\)`;
/** A title, then capitalised words and connectors (its complement, then the name), to a stop. */
const TITLED = new RegExp(`(${TITLE_BEFORE_NAME})((?:,?[ \\u00a0]+(?:(?:of|for|on|and|the)[ \\u00a0]+)*(?:${INITIALED}|\\p{Lu}[\\p{L}\\p{N}'’-]*|${BRACKETED_ABBREVIATION}|${GLOSS}))+)`, 'uy');
/** The words of a run after a title: capitalised words, a surname with initials. */
const RUN_WORD = new RegExp(`${INITIALED}|\\p{Lu}[\\p{L}\\p{N}'’-]*`, 'gu');
/** A comma and a title, after which the name before the comma is read: "Ivan Petrov, Minister of Defence of Belarus". */
const COMMA_TITLE = new RegExp(`,[ \\u00a0]+(?:the[ \\u00a0]+)?(${TITLE})((?:[ \\u00a0]+(?:(?:of|for|on|and|the)[ \\u00a0]+)*(?:\\p{Lu}[\\p{L}\\p{N}'’-]*))*)`, 'gu');
/**
 * Two or three name words ending where the comma is, not preceded by another capitalised word, nor
 * by "on" or "for", after which the words end a body's name ("the Coordination Council … on
 * Combating Illegal Migration, Major General …").
 */
const NAME_BEFORE_COMMA = new RegExp(`(?:^|[^\\p{L}\\p{N}'’-])(?<!\\p{Lu}[\\p{L}'’-]*[ \\u00a0])(?<!(?:^|[^\\p{L}])(?:on|for)[ \\u00a0])(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){1,2})$`, 'u');
const NAME_WORD_ALONE = new RegExp(`^${NAME_WORD}$`, 'u');
const NOT_PERSON_WORDS = new Set([...KIND_WORDS, ...BODY_HEADS, 'republic', 'federation', 'kingdom', 'state', 'states', 'union', 'nations', 'affairs', 'defence', 'defense', 'security', 'army', 'forces', 'force', 'ministry', 'minister', 'foreign', 'internal', 'emergency', 'situations', 'president', 'general', 'colonel', 'police', 'justice', 'militia', 'region', 'oblast', 'district', 'province', 'territory', 'city', 'ladies', 'gentlemen', 'dear', 'colleagues', 'friends', 'mr', 'mrs', 'ms', 'central', 'asia',
  'europe', 'eurasia', 'world', 'stability', 'peace', 'north', 'south', 'east', 'west', 'middle', 'great', 'new', 'old', 'first', 'second', 'third',
]);

/** People named with a title or role; the mentions given are the catalog's, which end a role's complement. */
export function personCandidates(text: string, words: Words, known: readonly Mention[], lexicon: DiscoveryLexicon): Ranked[] {
  let ends: Set<number> | undefined;
  const found: Ranked[] = [];
  for (let w = 0; w < words.length; w++) {
    // Only a capitalised title: "the president said" names nobody; a spokesman's title is written
    // in lower case after whom he speaks for ("Kremlin spokesman Dmitry Peskov").
    if (!TITLE_STARTS.has(words.hashes[w]) || (!startsCapital(text, words.starts[w]) && !LOWER_CASE_TITLE.test(text.slice(words.starts[w], words.starts[w] + 10)))) continue;
    TITLED.lastIndex = words.starts[w];
    const match = TITLED.exec(text);
    if (!match) continue;
    // Most titles are followed by one capitalised word or none ("the President said"): no name.
    if (!/[ \u00a0]\p{Lu}/u.test(match[2].slice(1))) continue;
    ends ??= new Set(known.map((m) => m.end));
    const titleEnd = match.index! + match[1].length;
    const run = match[2];
    // The words of a gloss in brackets are none of the name's (an abbreviation in brackets is read).
    const glosses = run.includes('(') ? [...run.matchAll(/\([^()\n]*\)/g)].filter((g) => !ABBREVIATION_ALONE.test(g[0])) : [];
    const capitals: { start: number; end: number; text: string }[] = [];
    RUN_WORD.lastIndex = 0;
    for (let w = RUN_WORD.exec(run); w; w = RUN_WORD.exec(run)) {
      if (glosses.length && glosses.some((g) => g.index! < w!.index && w!.index < g.index! + g[0].length)) continue;
      capitals.push({ start: titleEnd + w.index, end: titleEnd + w.index + w[0].length, text: w[0] });
    }
    // The name starts right after the title, or right after a name the text is known to use
    // ("President of Kyrgyzstan Sadyr Japarov"); the role between has no comma.
    for (let from = 0; from < capitals.length; from++) {
      const anchor = from === 0 ? titleEnd : capitals[from - 1].end;
      // … or right after the head noun of the body the role is in ("State Secretary of the Security
      // Council Alexander Volfovich"), or as the run's last words after a word that is no name
      // ("Special Representative of the CSTO Secretary General for Peacekeeping Taalaibek Masadykov").
      // A gloss in brackets ends the body's name ("… Majlisi Milli (Tajikistan's upper house) Rustam Emomali").
      const glossed = text.slice(anchor, capitals[from].start).includes('(');
      if (from > 0 && !ends.has(anchor) && !glossed && !BODY_HEADS.has(wordKey(capitals[from - 1].text))) {
        const before = capitals[from - 1].text;
        if (capitals.length - from > 3 || isNameWord(before, lexicon) || initialed(before)) continue;
      }
      if (text.slice(match.index!, anchor).includes(',')) break;
      if (!/^(?:[ \u00a0]*\([^()\n]{1,60}\))?\)?,?[ \u00a0]+$/.test(text.slice(anchor, capitals[from].start))) continue;
      let last = from;
      while (last + 1 < capitals.length && last - from < 3 && /^[ \u00a0]+$/.test(text.slice(capitals[last].end, capitals[last + 1].start))) last++;
      const name = capitals.slice(from, last + 1);
      // Two or three name words, then no more capitalised words of the same run.
      const more = last + 1 < capitals.length && /^[ \u00a0]+$/.test(text.slice(capitals[last].end, capitals[last + 1].start));
      // Initials may stand for the first names: "Deputy Secretary General T. Masadykov", the
      // surname with its initials being one word of the run.
      const last_ = name.length - 1;
      const fits = name.every((w, k) => (k === last_ && initialed(w.text) ? isNameWord(w.text.slice(w.text.lastIndexOf('.') + 1).trim(), lexicon) : isNameWord(w.text, lexicon)));
      if ((name.length >= 2 || initialed(name[0].text)) && name.length <= 3 && !more && fits) {
        const role = text.slice(match.index!, text[anchor] === ')' ? anchor + 1 : anchor).replace(/\s+/g, ' ');
        found.push(person(text, name[0].start, name[name.length - 1].end, role));
        break;
      }
    }
  }
  for (const match of text.matchAll(COMMA_TITLE)) {
    const start = nameBeforeComma(text, match.index!, lexicon);
    if (start < 0) continue;
    const role = `${match[1]}${match[2]}`.replace(/\s+/g, ' ').replace(/[ ,]+$/, '');
    found.push(person(text, start, match.index!, role));
  }
  // "Chairman of the commission: Yevgeny Yelkin.": a role, a colon, then the name and the end of it.
  // Looked for at the colons only: a search of the whole text for every title took a tenth of the analysis.
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    const name = NAME_AFTER_COLON.exec(text.slice(colon, colon + 80));
    if (!name) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', colon) + 1, colon - 120);
    const role = ROLE_BEFORE_COLON.exec(text.slice(lineStart, colon));
    if (!role || !allNameWords(name[1], lexicon)) continue;
    const start = colon + name[0].length - name[1].length;
    found.push(person(text, start, start + name[1].length, role[0].replace(/\s+/g, ' ').trim()));
  }
  // "Viktor Vasilyev, ambassador-at-large for the CSTO, said": a role in lower case, with no article.
  // "Anatoly Seryshev, Russian presidential envoy to …": a capitalised word before the role is a state's.
  const states = known.filter((m) => lexicon.stateIds.has(m.entityId));
  let stateStarts: Set<number> | undefined;
  for (const match of text.matchAll(COMMA_LOWER_ROLE)) {
    if (match[2]) {
      stateStarts ??= new Set(states.map((m) => m.start));
      if (!stateStarts.has(match.index! + match[0].length - match[1].length)) continue;
    }
    const start = nameBeforeComma(text, match.index!, lexicon);
    if (start >= 0) found.push(person(text, start, match.index!, match[1].trim()));
  }
  // "hosted by Belarus's Alyaksandr Lukashenka": a person named after a state's possessive, when
  // the last word reads as a surname of the region or the text names that person otherwise too.
  const surnames = new Set(found.map((p) => wordKey(p.surface.slice(p.surface.lastIndexOf(' ') + 1))));
  for (const m of states) {
    const named = POSSESSED_NAME.exec(text.slice(m.end, m.end + 80));
    if (!named || !allNameWords(named[2], lexicon)) continue;
    const surname = named[2].slice(named[2].lastIndexOf(' ') + 1);
    if (!SURNAME_ENDING.test(surname) && !surnames.has(wordKey(surname))) continue;
    const start = m.end + named[1].length;
    found.push(person(text, start, start + named[2].length, `of ${text.slice(m.start, m.end)}`));
  }
  // Both read from the commas only: a search of the whole text for "the" or "said" took 3% of the analysis.
  for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
    // "…, said Mikhail Sidorenko, the head of the ICH": after a verb of saying, a name and its role.
    ROLE_AFTER_COMMA.lastIndex = comma;
    const role = ROLE_AFTER_COMMA.exec(text);
    const said = role ? SAID_NAME.exec(text.slice(Math.max(0, comma - 80), comma)) : null;
    if (role && said && allNameWords(said[1], lexicon)) found.push(person(text, comma - said[1].length, comma, role[1].trim()));
    // "the chairman of the Kyrgyz Zhogorku Kenesh, Nurlanbek Shakiev, and …": a role in lower case, a comma, the name.
    NAME_AFTER_COMMA.lastIndex = comma;
    const name = NAME_AFTER_COMMA.exec(text);
    const before = name ? ROLE_BEFORE_COMMA_NAME.exec(text.slice(Math.max(0, comma - 100), comma)) : null;
    if (name && before && allNameWords(name[1], lexicon)) {
      const start = comma + name[0].length - name[1].length;
      found.push(person(text, start, start + name[1].length, before[1].replace(/\s+/g, ' ').trim()));
    }
  }
  // "Sherali Mirzo (also known as Emomali Sobirzoda)": the other name is the same person's.
  for (const p of [...found]) {
    const other = OTHER_NAME.exec(text.slice(p.end, p.end + 80));
    if (!other || !allNameWords(other[2], lexicon)) continue;
    const start = p.end + other[1].length;
    found.push({ ...p, start, end: start + other[2].length, surface: other[2] });
  }
  return found;
}

/** "said Mikhail Sidorenko, the head of the ICH": at a comma, "the" and a role in lower case … */
const ROLE_AFTER_COMMA = /,[ \u00a0]+(the[ \u00a0]+(?:first[ \u00a0]+)?(?:deputy[ \u00a0]+)?(?:head|chief|director|commander|chairman|chairwoman|secretary|spokes(?:man|woman|person)|minister|ambassador|representative|envoy)\b[^,.;\n]{0,80})/y;
/** … and before the comma, a verb of saying and two or three name words. */
const SAID_NAME = new RegExp(`\\b(?:said|says|added|noted|stressed|explained)[ \\u00a0]+(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){1,2})$`, 'u');
/** "the speaker of the Kazakh Majilis, Yerlan Koshanov,": at a comma, two or three name words that end at punctuation … */
const NAME_AFTER_COMMA = new RegExp(`,[ \\u00a0]+(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){1,2})(?=[,.;]|[ \\u00a0]+(?:and|said|says)\\b)`, 'uy');
/** … and before the comma, "the", a role in lower case and what it is of. */
const ROLE_BEFORE_COMMA_NAME = /(?<![\p{L}])the[ \u00a0]+((?:first[ \u00a0]+)?(?:deputy[ \u00a0]+)?(?:chairman|chairwoman|speaker|head|chief|director|commander|minister|secretary|spokes(?:man|woman|person)|ambassador|president)\b[^,.;:\n]{0,80})$/u;
/** After a state's name: its possessive, then two or three name words and no further capitalised word. */
const POSSESSED_NAME = new RegExp(`^(['’]s[ \\u00a0]+)(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){1,2})(?![ \\u00a0]*\\p{Lu})(?![\\p{L}\\p{N}'’-])`, 'u');
/** How the surnames of the member states' people end, as English writes them: Tokayev, Pashinyan, Lukashenka, Japarov. */
const SURNAME_ENDING = /(?:ov|ova|ev|eva|yev|iev|in|ina|yn|enko|enka|yan|ian|sky|skiy|ski|skaya|ich|uk|yuk|zoda|zade|shvili|dze)$/u;
/** A title and what it is of, before a colon: "Chairman of the commission" in "Chairman of the commission: Yevgeny Yelkin." */
const ROLE_BEFORE_COLON = new RegExp(`(?<![\\p{L}])(?:${TITLE})[^:\\n.]{0,100}$`, 'u');
/** After the colon, a name that ends there. */
const NAME_AFTER_COLON = new RegExp(`^:[ \\u00a0]+(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){1,2})(?=[.;,]|\\s*$)`, 'um');
/**
 * A role in lower case right after a name and a comma, to the next comma or full stop; perhaps
 * after "a" or a former one ("Oleg Dubrovin, a spokesman for the CSTO Joint Headquarters",
 * "General Aidar Kasymov, a former chief of the General Staff …").
 */
const COMMA_LOWER_ROLE = /,[ \u00a0]+((?:(\p{Lu}\p{Ll}+)[ \u00a0]+|a[ \u00a0]+(?:former[ \u00a0]+)?|former[ \u00a0]+)?(?:presidential[ \u00a0]+)?(?:first[ \u00a0]+)?(?:deputy[ \u00a0]+)?(?:ambassador(?:-at-large)?|minister|secretary|spokes(?:man|woman|person)|chairman|chairwoman|director|rector|commander|envoy|representative|chief|head)\b[^,.;\n]{0,80})/gu;
/** A person's other name in brackets: "(also known as Emomali Sobirzoda)", "(a.k.a. …)", "(formerly …)". */
const OTHER_NAME = new RegExp(`^([ \\u00a0]*\\((?:also[ \\u00a0]+known[ \\u00a0]+as|a\\.k\\.a\\.|formerly)[ \\u00a0]+)(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){1,2})\\)`, 'u');

/** Later uses of a person's surname alone ("Japarov said"), after the person was named in full. */
export function surnameMentions(text: string, words: Words, people: readonly FoundMention[], taken: (start: number, end: number) => boolean): FoundMention[] {
  // Each person's surname, from where the person is first named in full; the words of the text
  // are compared by hash, so a text without these surnames costs one lookup a word.
  const bySurname = new Map<string, FoundMention>();
  for (const p of people) {
    if (p.discovered?.kind !== 'person') continue;
    const surname = p.surface.split(/[ \u00a0.]+/).pop()!;
    const first = bySurname.get(surname);
    if (!first || p.end < first.end) bySurname.set(surname, p);
  }
  if (!bySurname.size) return [];
  const hashes = new HashSet([...bySurname.keys()].flatMap((s) => [keyHash(s.toLowerCase()), keyHash(otherSpelling(s).toLowerCase())]));
  const uses: FoundMention[] = [];
  const headlineEnd = text.indexOf('\n') < 0 ? 0 : text.indexOf('\n');
  for (let i = 0; i < words.length; i++) {
    if (!hashes.has(words.hashes[i])) continue;
    // A hyphenated surname is two words here ("Jomart-Tokayev"): the written word is compared whole.
    let last = i;
    while (words.joinNext[last] && last + 1 < words.length) last++;
    const start = words.starts[i];
    const end = words.ends[last];
    const p = bySurname.get(text.slice(start, end)) ?? bySurname.get(text.slice(start, words.ends[i])) ?? bySurname.get(otherSpelling(text.slice(start, words.ends[i])));
    if (!p) continue;
    const stop = p.surface.endsWith(text.slice(start, end)) ? end : words.ends[i];
    // Before the full name only in the headline ("Pashinyan: Armenia does not plan …"), the text's first line.
    if ((start < p.end && !(start < headlineEnd && p.start > headlineEnd)) || (i > 0 && words.joinNext[i - 1])) continue;
    // The full name said again ("Sadyr Japarov") is one mention, not a surname after a first name.
    const full = stop - p.surface.length;
    const from = full >= 0 && text.slice(full, stop) === p.surface ? full : start;
    if (taken(from, stop)) continue;
    uses.push({ entityId: p.entityId, start: from, end: stop, surface: text.slice(from, stop), discovered: p.discovered! });
  }
  // "Japarov's": a possessive is one word here, its hash not the surname's.
  for (const i of words.withApostrophe) {
    const start = words.starts[i];
    const written = text.slice(start, words.ends[i]);
    const cut = written.search(/['’]/);
    const p = cut > 0 ? bySurname.get(written.slice(0, cut)) : undefined;
    if (!p || start < p.end || !/^['’]s?$/.test(written.slice(cut)) || taken(start, start + cut)) continue;
    uses.push({ entityId: p.entityId, start, end: start + cut, surface: written.slice(0, cut), discovered: p.discovered! });
  }
  return uses.sort((a, b) => a.start - b.start);
}

/** A patronymic: "Nurgaliyevich", "Sergeyevna", "Ilyinichna". */
const PATRONYMIC = /^\p{Lu}\p{Ll}{2,}(?:vich|vna|ichna)$/u;
const PATRONYMIC_ENDINGS = ['vich', 'vna', 'ichna'];

/**
 * A person addressed by first name and patronymic ("— Imangali Nurgaliyevich, what is …?") after the
 * text named the person in full; catalog people and discovered ones alike. A first name two people
 * of the text share names neither.
 */
export function addressMentions(text: string, people: readonly FoundMention[], taken: (start: number, end: number) => boolean): FoundMention[] {
  if (!PATRONYMIC_ENDINGS.some((ending) => text.includes(ending))) return [];
  const byFirst = new Map<string, FoundMention | null>();
  for (const p of people) {
    const parts = p.surface.split(/[ \u00a0]+/);
    if (parts.length < 2 || !NAME_WORD_ALONE.test(parts[0])) continue;
    const first = byFirst.get(parts[0]);
    if (first === undefined) byFirst.set(parts[0], p);
    else if (first && first.entityId !== p.entityId) byFirst.set(parts[0], null);
    else if (first && p.end < first.end) byFirst.set(parts[0], p);
  }
  if (!byFirst.size) return [];
  const uses: FoundMention[] = [];
  // Where a patronymic ending stands ("-vich", "-vna", "-ichna"), the word it ends and the word
  // before it: the search is quicker than a walk over the text's words.
  for (const ending of PATRONYMIC_ENDINGS) {
    for (let at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + 1)) {
      const wordEnd = at + ending.length;
      if (wordEnd < text.length && /[\p{L}\p{N}]/u.test(text[wordEnd])) continue;
      let wordStart = at;
      while (wordStart > 0 && /\p{L}/u.test(text[wordStart - 1])) wordStart--;
      const space = text[wordStart - 1];
      if (space !== ' ' && space !== '\u00a0') continue;
      let firstStart = wordStart - 1;
      while (firstStart > 0 && /\p{L}/u.test(text[firstStart - 1])) firstStart--;
      if (firstStart > 0 && /[\p{L}\p{N}'’-]/u.test(text[firstStart - 1])) continue;
      const p = byFirst.get(text.slice(firstStart, wordStart - 1));
      if (!p || firstStart < p.end || !PATRONYMIC.test(text.slice(wordStart, wordEnd)) || taken(firstStart, wordEnd)) continue;
      uses.push({ entityId: p.entityId, start: firstStart, end: wordEnd, surface: text.slice(firstStart, wordEnd), ...(p.discovered ? { discovered: p.discovered } : {}) });
    }
  }
  return uses.sort((a, b) => a.start - b.start);
}

/** A run word holding initials before a surname ("Sh.R.Nazarzoda"). */
function initialed(word: string): boolean {
  return word.includes('.');
}

/** Where the two or three name words ending at a comma begin; -1 when the words there are no name. */
function nameBeforeComma(text: string, comma: number, lexicon: DiscoveryLexicon): number {
  const named = NAME_BEFORE_COMMA.exec(text.slice(Math.max(0, comma - 60), comma));
  if (!named) return -1;
  if (allNameWords(named[1], lexicon)) return comma - named[1].length;
  // "Major General of Police Irina Volkova, Head of …": the rank's last word before the name is none of it.
  const rest = /^(\S+)[ \u00a0]+(\S+[ \u00a0]+\S+)$/u.exec(named[1]);
  return rest && NOT_PERSON_WORDS.has(wordKey(rest[1])) && allNameWords(rest[2], lexicon) ? comma - rest[2].length : -1;
}

function allNameWords(name: string, lexicon: DiscoveryLexicon): boolean {
  return name.split(/[ \u00a0]+/).every((w) => isNameWord(w, lexicon));
}

function isNameWord(word: string, lexicon: DiscoveryLexicon): boolean {
  const key = wordKey(word);
  return NAME_WORD_ALONE.test(word) && !lexicon.notNames.has(key) && !NOT_PERSON_WORDS.has(key) && !lexicon.organizationWords.has(key);
}

function person(text: string, start: number, end: number, role: string): Ranked {
  const name = text.slice(start, end).replace(/\s+/g, ' ');
  const discovered: DiscoveredInfo = { kind: 'person', name, about: role };
  return { entityId: discoveredId('person', personKey(name)), start, end, surface: text.slice(start, end), priority: 4, discovered };
}

/**
 * A person's name with the letters transliterations disagree on folded: "Sergei"/"Sergey",
 * "Yury"/"Yuri", "Alyaksandr Lukashenka" (Belarusian) and "Aleksandr Lukashenko" (Russian) are one
 * person.
 */
export function personKey(name: string): string {
  return nameKeys(name)
    .map((w) => w.replace(/kh/g, 'h').replace(/y/g, 'i').replace(/lia/g, 'le').replace(/ii/g, 'i').replace(/enka$/, 'enko'))
    .join(' ');
}

/** The surname as the other transliteration writes it: "Lukashenka" and "Lukashenko". */
function otherSpelling(surname: string): string {
  return surname.endsWith('enka') ? `${surname.slice(0, -1)}o` : surname.endsWith('enko') ? `${surname.slice(0, -1)}a` : surname;
}
