// `npm run eval`: runs the real server (node dist/server.js --stdio) over each hand-labelled set of
// documents and prints, per kind, the precision and recall of mentions (a mention found with the
// right span and kind but as another entity is a miss and a false find), how often a catalog
// entity's mention resolves to it, the alias resolution accuracy and the false positives on
// common-word traps. Exits non-zero when a target is missed. Each set says when it was written
// and which rule changes came after it.
//
// Label files (<document>.labels.json) list mentions as the exact text written and which
// occurrence of that text in the document it is, so they stay readable and checkable by hand:
//   { "mentions": [{ "text": "CDM", "occurrence": 1, "kind": "body", "entity": "Council of Defence Ministers" }],
//     "traps":    [{ "text": "search", "occurrence": 1, "note": "a search for survivors" }] }

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from 'vscode-languageserver-protocol';
import { LineTable } from '../../server/src/core/text/lines';
import { ChronologyRequest, DocumentMentionsRequest, DocumentsRequest, MentionsRequest, type DocumentMention } from '../../server/src/shared/protocol';
import { LspSession, makeWorkspace, REPO_ROOT, removeWorkspace } from '../protocol/lspSession';
import { catalogByName, catalogEntities, count as countPhenomenon, phenomenaTable, phenomenonOf, trapPhenomenon, type PhenomenonCounts } from './phenomena';

/** The kinds every set is scored on; a set may add people, states and organisations. */
const CORE = ['body', 'operation', 'exercise'] as const;
const KINDS = [...CORE, 'person', 'state', 'organization'] as const;
type Kind = (typeof KINDS)[number];

interface LabelFile {
  mentions: { text: string; occurrence: number; kind: Kind; entity: string; edition?: number }[];
  traps?: { text: string; occurrence: number; note?: string }[];
}

interface Span {
  start: number;
  end: number;
}

interface Gold extends Span {
  kind: Kind;
  entity: string;
  text: string;
}

interface Predicted extends Span {
  kind: string;
  entityId: string;
  name: string;
  discovered: boolean;
}

interface LabelledSet {
  name: string;
  /** Folder of the documents. */
  documents: string;
  /** Folder of the label files. */
  labels: string;
  targets: { recall: number; precision?: number; aliasAccuracy?: number; maxTrapHits?: number; rightEntity?: number };
  /** The documents are analyst's notes (Markdown), read beside the seed corpus as the editor reads notes. */
  notes?: boolean;
  /** The kinds labelled (bodies, operations and exercises unless it says). */
  kinds?: readonly Kind[];
}

const SETS: LabelledSet[] = [
  { name: 'seed corpus', documents: join(REPO_ROOT, 'corpus'), labels: join(REPO_ROOT, 'test', 'eval', 'seed'), targets: { recall: 0.98, aliasAccuracy: 1, maxTrapHits: 0 } },
  { name: 'unseen documents', documents: join(REPO_ROOT, 'test', 'eval', 'unseen'), labels: join(REPO_ROOT, 'test', 'eval', 'unseen'), targets: { recall: 0.9, precision: 0.95 } },
  // Held-out: written and labelled at commit aeccd57 (2026-11-24) and never used to change a rule.
  // Rules changed since: 7a03ff2 (a body's name read at most 24 words either side of its head noun),
  // 63f90e0 (at most two number variants of a catalog name), the issue 23 variant rules (subsets
  // and synonyms of catalog body names; the unqualified catalog-order rule was written after one
  // sentence of h02 was read to see why it was missed, so that miss is no longer held-out).
  { name: 'held-out documents', documents: join(REPO_ROOT, 'test', 'eval', 'heldout'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout'), targets: { recall: 0.9, precision: 0.95 } },
  // Analyst's notes (bare code names, possessives, corpus spellings, traps), read beside the seed
  // corpus. Tuned, not held-out: its first run changed three rules (commit 9882775).
  { name: 'notes', documents: join(REPO_ROOT, 'test', 'eval', 'notes'), labels: join(REPO_ROOT, 'test', 'eval', 'notes'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 0 }, notes: true },
  // Held-out: written at commit a29d8e3 (2026-11-24), after the note and alias rules of that day,
  // never used to change a rule. Rules changed since: 7a03ff2 and 63f90e0 (see above).
  { name: 'held-out notes', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-notes'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-notes'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 0 }, notes: true },
  // Held-out: written with the held-out notes (a29d8e3); the same rules changed since.
  { name: 'held-out documents, second set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout2'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout2'), targets: { recall: 0.9, precision: 0.95, aliasAccuracy: 0.9 } },
  // Tuned: variant names on real news (written for issue 23 at the variant rules, which it changed):
  // subsets and synonyms of catalog names, stages, bracketed translations, lowercase formations.
  { name: 'real-text names (tuned)', documents: join(REPO_ROOT, 'test', 'eval', 'realtext-names'), labels: join(REPO_ROOT, 'test', 'eval', 'realtext-names'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 0 } },
  // Tuned: people, states and organisations the catalog lacks (issue 23, item 4), written with those rules.
  { name: 'real-text people, states, organisations (tuned)', documents: join(REPO_ROOT, 'test', 'eval', 'realtext-people'), labels: join(REPO_ROOT, 'test', 'eval', 'realtext-people'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Written at commit 0ae3747 (2026-12-04) as held-out and run once as such (names P 95.0% R 90.5%,
  // one trap); its misses then changed four rules (state adjectives, a state's own body, "ABBR
  // (Full Name)", "created in YEAR to"), so it is tuned since.
  { name: 'real-text names, second set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written at commit d6e126e (2026-12-05), after the last rule change of issue 23, from
  // forms studied in CSTO releases and regional reports (a working group "under the Ministerial
  // Council", initials for a first name, hyphenated adjectives, "ABBR" after a long name with no
  // head noun of ours, national councils, the OSCE's Permanent Council), never used to change a rule.
  // Its first run (dad55a9): all P 78.6% R 71.7%; bodies/operations/exercises 9 of 13 found, 9 of 14
  // right; 5 trap hits, of which 3 CSTO names taken (a "Council" of the CIS read as the CFM's short
  // form, the Union State's Military Committee, the OSCE's Permanent Council) and 2 true states or
  // organisations inside a trap's words; dates 2/3; definitions 6/9 with 1 misleading. Three of its
  // misses then changed rules (another organisation's body, a head noun going on into a name of its
  // own, a title-case place before a publication date), so it is tuned since. Its definition
  // misses later changed three more rules (a short form after a sentence's "The", the last words
  // of a body's name as a short form, a body "of" which another is a part not defined by it), and
  // its name misses five more (a hyphenated compound of states, an initial for a first name, a
  // group or mission outside the CSTO as an organisation, an abbreviation inside a full name, a
  // CSTO body's name followed by "of" another organisation).
  { name: 'real-text names, third set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext3'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext3'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written at commit a060aff (2026-12-05), after the last rule change of issue 23, from
  // forms studied in CSTO releases and wire reports (a chained title before a name, a quoted code
  // name with a comma inside the quotes, an abbreviation beside a word in brackets, a "date …"
  // publication line, national committees and councils), never used to change a rule. Its first run
  // (the commit after a060aff): all P 97.3% R 94.7%; bodies/operations/exercises 14/14 found, all
  // right; people, states, organisations 22/24; 1 trap hit, a true state ("Belarus") inside the
  // trap's words, no CSTO name taken; dates 2/3; definitions 6/7, none misleading. Three of its
  // misses then changed rules (a publication line giving the day again in words, an abbreviation
  // opening the sentence that defines it, "the Organization" after a body "of the CSTO"), so it is
  // tuned since (2026-12-05, second session of the day).
  { name: 'real-text names, fourth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext4'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext4'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written at commit 0739e8c (2026-12-05), after the last rule change of issue 23, from
  // forms studied in wire reports and CSTO releases (a publication line over a yearless dateline,
  // editions written "Interaction 2026", a spokesman's title, two initials without a space, a
  // participle opening a definition, "(Rus. …)" transliterations, another union's assembly),
  // never used to change a rule. Its first run (this commit): all P 100% R 91.1%; bodies 12/13,
  // exercises 7/8, people 6/8, states 11/11, organisations 5/5; 0 trap hits; dates 3/3;
  // definitions 5/7 with 2 misleading (an edition's card quoting the sentence that only names it
  // after "the joint exercise", and the CRRF's card quoting the sentence defining an exercise
  // "with" it). Its misses then changed rules (a name after a preposition is a complement, "with
  // the X" after an edition's kind noun, a participle before the subject, a quoted title worth
  // less than a predicate, "(Rus. …)", a spokesman, a person after a body's head noun), so it is
  // tuned since.
  { name: 'real-text names, fifth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext5'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext5'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written at commit a15177a (2026-12-05), after the last rule change of issue 23, from
  // forms studied in regional outlets and wire reports on the 2022 mission to Kazakhstan (a date
  // with a time under a headline, a date with page furniture after it, a lowercase "secretariat",
  // the treaty as a document, a name-title-"of state" order, a national parliament explained in
  // brackets), never used to change a rule. Its first run (this commit): all P 100% R 100%, 0 trap
  // hits; dates 2/3 (a date followed by page furniture, "12 January 2026    Read: 814", left the
  // document undated, not misdated); definitions 3/5, none misleading (the CSTO defined inside a
  // quotation, and a body defined by a participial phrase then a plural verb, both missed). Those
  // three misses then changed rules (a page's counters after a date, the full name in brackets
  // and an opening quote before a defining predicate, a participle set off by commas), so it is
  // tuned since (2026-12-05, fourth session of the day).
  { name: 'real-text names, sixth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext6'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext6'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 909cd7d (2026-12-05), after the last rule change of issue 23,
  // from forms studied in wire reports and CSTO releases (a dateline with a period and an agency in
  // brackets but no year, a publication line glued to the first sentence, editions with a spaced
  // hyphen, another translation of a code name, "the purpose of the X exercise is to …", a
  // patronymic after a chained title, initials written without spaces, page furniture at the end),
  // never used to change a rule. Its first run (the commit after 793101a): all P 100% R 91.1%;
  // bodies 15/17 (the "Rapid Reaction Force" of "the CSTO's Rapid Reaction Force" and "Joint
  // Headquarters" missed), exercises 5/5, people 1/3 (initials without spaces, a name after a
  // long chained title), states 11/11, organisations 9/9; 1 trap hit, a true state ("Tajikistan")
  // inside the trap's words; dates 2/3 (a date glued to the first sentence left the document
  // undated, not misdated); definitions 5/9, none misleading ("comprises", "the purpose of the X
  // exercise is to", a participle then a verb of action, a "which" clause then a verb of action).
  // Those misses then changed rules (initials without spaces, a name after a long chained title,
  // the CSTO's possessive, "of the organization", a date glued to the first sentence, members,
  // purpose and present-tense definitions), so it is tuned since (2026-12-05, fourth session).
  { name: 'real-text names, seventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext7'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext7'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit e86a75f (2026-12-05), after the last rule change of issue 23,
  // from forms studied in wire reports and regional outlets on Armenia and the CSTO (an agency
  // dateline without a date, "Moscow-led", an apposition in mid-sentence, a surname spelt two
  // ways, a lower-case title, a television channel named after a state, a byline over a date,
  // a participle between a name and its verb, code names with a translation in brackets, common
  // words that are code names), never used to change a rule. Its first run (the commit after
  // this one's): all P 93.3% R 93.3%; bodies 8/8, operations 2/2, exercises 3/3, states 8/8,
  // organisations 3/3, people 4/6 (a lower-case "spokesman" title, a surname spelt another way);
  // 2 false finds: "France" of the channel "France 24" (a trap hit) and a lower-case "collective
  // forces" the labels leave out although in a CSTO text it may well mean the Collective Forces;
  // dates 3/3; definitions 4/7, none misleading (an apposition in mid-sentence, a participle
  // before the verb "made up of …", and "held every year since 2006" before a verb without an
  // article after it). Those misses then changed rules (a lower-case spokesman, a state's name
  // with a channel number, an apposition worth a definition alone, any participle aside, a kind
  // noun before a name that opens its sentence, a present-tense verb without an article after
  // it), so it is tuned since (2026-12-05, fourth session).
  { name: 'real-text names, eighth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext8'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext8'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Written after commit 5028bc3 (2026-12-05), after the then last rule change of issue 23,
  // from forms studied in CSTO releases and wire and regional reports on the anti-drug operation
  // Channel (page furniture over a yearless wire dateline, a stage name in quotes, a dateline with
  // the outlet after the date, a catalog body worded another way, a dash inside a title, a name
  // before a comma and a title, "g." left from the Russian, messenger and smuggling "channels"),
  // never used to change a rule. Its first run (the commit after this one's): all P 95.8% R 82.1%;
  // bodies 5/7 (an abbreviation "(ACC)" after a body named with "of the CSTO" between, twice),
  // operations 2/4 ("the Channel anti-drug operation": the code name before a compound kind
  // phrase; a quoted stage name "Channel-Second Barrier" the catalog lacks), people 4/4, states
  // 8/8, organisations 4/5 ("UN Office on Drugs and Crime" without its abbreviation taken as the
  // United Nations); 0 trap hits; dates 2/3 (the outlet's name after the date, ", Asia-Plus --",
  // left the document undated, not misdated); definitions 4/6, none misleading ("an operation,
  // dubbed X, was held"; a "which" clause with a verb of action before "was founded"). Those
  // misses then changed rules (an outlet after a dateline's date, a relative clause saying what the
  // body does, a kind introduced then named, modifiers between a code name and its kind word, a
  // quoted stage name, an abbreviation after "of the CSTO", an organisation's office named without
  // its abbreviation), so it is tuned since (2026-12-05, fifth session).
  // Its labels gained, on 2026-12-06, the Secretariat's "Department for Countering Challenges and
  // Threats" as a body: the twenty-seventh set labels a named department of a CSTO body as a body
  // (a unit with a head, which releases name), and the sets now keep one convention.
  { name: 'real-text names, ninth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext9'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext9'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 0bffcbe (2026-12-05, fifth session), after the last rule change
  // of issue 23, from forms studied in Armenpress, TASS, Asia-Plus and CSTO-site pages on the
  // Parliamentary Assembly, the Rubezh drills and the Secretary General's interviews (a yearless
  // dateline with the month in capitals and the outlet after it, a translation of an edition's name
  // in brackets, a body's name in another word order, a participle aside naming another body, an
  // interview's form of address by name and patronymic, a UN office with its abbreviation after a
  // long title, releases dated on lines of their own), never used to change a rule. Its first run
  // (the commit after this one's): all P 90.0% R 87.8%, 1 trap hit; three of those misses were
  // errors of the labels, corrected then and nothing else (occurrence 1 of "Kyrgyz" is inside
  // "Kyrgyzstan"; the headline's "Frontier drills" is the exercise; "UN" in "the UN
  // Secretary-General" names the UN, so no trap): all P 97.5% R 90.7%, 0 trap hits; bodies 10/12
  // (the word order "Rapid Deployment Collective Forces" taken as the Collective Forces, twice),
  // exercises 4/4, people 3/5 (a form of address by name and patronymic; a name after a long title
  // that ends with an abbreviation in brackets), states 13/13, organisations 9/9; dates 3/3;
  // definitions 5/7, none misleading ("was established in 2006 and brings together …"; the word
  // order variant's sentence, its name not found). Its misses then changed rules (2026-12-06, eighth
  // session), so it is tuned since.
  { name: 'real-text names, tenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext10'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext10'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 142cf53 (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored AKIpress, TASS, BelTA, Kazinform and CSTO-site pages
  // (a title-case place with the time and the outlet after the date, a wire dateline without a
  // year, a date line under the headline; a committee said to do something under its head noun
  // alone, a relative clause, a quoted sentence of an official, members after a participle aside;
  // a stage with an en dash, a body's alias after "under", a national security council, the
  // treaty beside the organisation, ordinary "channel", "interaction" and "search"), never used to
  // change a rule. Its first run (5a78625): all P 92.5% R 96.1%, no trap hit; bodies 10/11 (the
  // Council of Foreign Ministers inside the Working Group's longer alias "… under the Council of
  // Foreign Ministers", its "of the CSTO" left as the CSTO), operations 3/3, exercises 5/5, people
  // 5/5, states 18/18, organisations 8/9 ("Commonwealth of Independent States Anti-Terrorism
  // Center" discovered as a new organisation, not the CIS ATC; names inside longer gold names count
  // against precision); dates 3/3; definitions 10/11, none misleading (a committee said to do
  // something under its head noun alone, "The committee coordinates …"). Its misses then changed
  // rules (the same session), so it is tuned since.
  { name: 'real-text names, eleventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext11'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext11'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 0436181 (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored Qazaq TV, Sputnik, Armenpress, Armradio and analysis
  // pages on the 2022 deployment in Kazakhstan (a byline without "By" before the date and a reading
  // time, a numeric date line with its time, a yearless dateline in capitals; an organisation
  // defined under its head noun, a lower-case formation, an edition defined in an official's
  // quotation, a body defined by its abbreviation and by an apposition; a spaced-out variant name,
  // a person named by surname in the headline before the full name, a lower-case spokeswoman, the
  // treaty beside the organisation, a national parliament's name), never used to change a rule.
  // Its first run (at c3bca50, its labels' commit): all P 93.9% R 90.2%, no trap hit; one miss
  // and one false find were an error of the labels, corrected then and nothing else (occurrence 3
  // of "Armenia" is inside "Armenian"; the state's third mention is occurrence 4): all P 95.9% R
  // 92.2%; bodies 7/8 (the spaced-out "CSTO Joint Peace Keeping Force" not joined to the
  // Collective Peacekeeping Forces), exercises 3/3, people 6/7 (the surname in the headline before
  // the full name), states 21/21, organisations 10/12 ("Carnegie Endowment for International Peace
  // (CEIP)": "Endowment" is no head noun the rules know); dates 2/3 (a byline without "By" before
  // the date left the document undated, not misdated); definitions 8/8, none misleading. Its misses
  // then changed rules (the same session), so it is tuned since.
  { name: 'real-text names, twelfth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext12'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext12'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 0b073bc (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored BelTA, Asia-Plus, sb.by, Massis Post, News.az and
  // CSTO-site pages on the 2023 and 2024 summits (a date line with its time under the headline, a
  // "Posted:" line with seconds, a yearless dateline with the outlet in brackets; an apposition and
  // a copula with a clause after a semicolon; a code name opening its sentence; the Belarusian and
  // the Russian spelling of one president, a name with its patronymic, a lower-case prime
  // minister, "President X of Y", a broadcaster named without initials, a lower-case variant of a
  // body's name with other words), never used to change a rule. Its first run (at f96aa15, its
  // labels' commit): all P 95.1% R 92.9%, no trap hit; bodies 8/8 (the lower-case "inter-state
  // commission for military and technical cooperation" included), exercises 4/4, people 12/14 (the
  // Belarusian spelling "Lukashenka" of a president named "Lukashenko" before, also found as a
  // second person: alias resolution 7/9; a prime minister in lower case), states 11/11,
  // organisations 4/5 ("Radio Liberty", no initials); dates 3/3; definitions 6/7 as first scored,
  // none misleading. The one miss was an error of the gold, corrected then and nothing else: the
  // note named the common-word "Echelon" alone, which no note takes without its kind word (the
  // other sets write "the Search exercise"); written so, 7/7. Its misses then changed rules (the
  // same session), so it is tuned since.
  { name: 'real-text names, thirteenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext13'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext13'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit f2cc609 (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored TASS, 24.kg, Asia-Plus and CSTO-site pages on the
  // Channel operation's stages and the ICMEC (a date line under the headline, a yearless wire
  // dateline, a dateline with the year and the outlet; a code name defined by what it has been
  // conducted for, a council and a commission defined under their head nouns; a stage in
  // guillemets with a dash, a transliterated stage, an operation's headquarters in lower case, a
  // long body name written with other articles, a police rank, a secretary in lower case, the
  // treaty and its abbreviation beside the organisation, a Telegram channel), never used to change
  // a rule. Its first run (at 6b672cf, its labels' commit): all P 100% R 87.5%, no trap
  // hit; bodies 4/5 (the operation's "international coordination headquarters" in lower case),
  // operations 3/3 (the transliterated stage "Kanal-Perekhvat" included), people 3/4 (a secretary
  // in lower case), states 8/9 ("Russia" in "a Russia-led security bloc"), organisations 10/11
  // (the Eurasian Group's long name without its initials); dates 3/3; definitions 2/4 with one
  // misleading by this set's gold: the stage's card quotes "The sub-regional anti-drug operation
  // «Channel – Mountain Outpost» was held by …", which the rules count as defining (a kind noun
  // before a quoted title) and the gold does not; and the ICMEC's "The commission, set up in 2000,
  // coordinates …" is not taken (a head noun alone with a present tense, by design). Its misses
  // then changed rules (the same session), so it is tuned since.
  { name: 'real-text names, fourteenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext14'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext14'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 7e7374e (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored Times of Central Asia, Fergana, Sputnik, Interfax,
  // Trend and Asia-Plus pages on the Tajik-Afghan border programme (a weekday with an ordinal day
  // and a time, a title-case place with a period and a yearless date before the agency, a section
  // name before the date; a council defined by a relative clause and what it does, a code name
  // opening its sentence; a person's other name in brackets, three-word names, a role in lower
  // case after the name, a national security council), never used to change a rule. Its first run
  // (at ffd4285, its labels' commit): all P 100% R 95.0%, no trap hit; bodies 5/5, exercises 4/4,
  // people 5/7 (a person's other name in brackets, "(also known as Emomali Sobirzoda)"; a name
  // before a role in lower case, "Viktor Vasilyev, ambassador-at-large for the CSTO"), states
  // 14/14, organisations 10/10; dates 1/3 (an ordinal day, "Wed 16th September 2026", and a
  // section's name before the date, "Kazakhstan Materials 3 November 2026 16:20", both left
  // undated, none misdated); definitions 5/5, none misleading. Its misses then changed rules (the
  // same session), so it is tuned since.
  { name: 'real-text names, fifteenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext15'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext15'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 23d4abe (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored pacsto.org, council.gov.ru and Asia-Plus pages on the
  // Parliamentary Assembly (a numeric date line, a dateline with the year and the outlet, no date;
  // a commission defined under its head noun, an apposition; roles followed by a colon and the
  // name, a title before a body glossed in brackets and then the name, "Mr." and a four-word name,
  // a Kremlin spokesman in lower case, national parliaments named Assembly), never used to change
  // a rule. Its first run (at b300a9a, its labels' commit): all P 80.8% R 77.8%, no trap hit; two
  // omissions of the labels were corrected then and nothing else ("the Assembly" and "the collective
  // forces" of the first document are the PA and the Collective Forces, found but not labelled):
  // all P 88.5% R 79.3%; bodies 8/10 (the PA's own bodies written after "CSTO PA": "CSTO PA
  // Council", "CSTO PA Standing Commission on Defence and Security", both taken for the PA), people
  // 4/8 (names after a role and a colon, "…: Mikhail Krotov"; a title, its body glossed in brackets,
  // then the name; "Mr." and a four-word name), states 9/9, organisations 2/2; dates 3/3;
  // definitions 3/4, none misleading (the commission's "The commission prepares the model laws …",
  // its name not found). Its misses then changed rules (the same session), so it is tuned since.
  { name: 'real-text names, sixteenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext16'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext16'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 59bc4f6 (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied in stored BelTA, TASS (via The Frontier Post), Astana Times,
  // Kazinform and oananews pages on the Crisis Response Center and the 2025 exercise plans (an
  // agency in brackets and a colon with no date, a numeric date line, a "date" header before a
  // wire dateline; a copula naming the body it belongs to, editions defined by appositions; a
  // synonym of a body's head, a press secretary in lower case, a rank after a comma, the fictional
  // states of a training scenario, the translated name of an edition, a regional force in lower
  // case), never used to change a rule. Its first run (at 824000a, its labels' commit): all P 96.6%
  // R 93.3%, no trap hit; one error of the labels was corrected then and nothing else ("CSTO
  // collective forces" was labelled as two names, where the other sets label a catalog name with
  // the CSTO before it whole, "CSTO Crisis Response Centre"): all P 96.6% R 96.6%; bodies 14/15
  // (the regional force in lower case, "the collective forces of the Central Asian region"),
  // exercises 4/4 (the translated "Frontier-2027" included), people 3/3, states 4/4, organisations
  // 3/3, both fictional states left alone; dates 3/3; definitions 5/6, none misleading (an
  // apposition that ends its sentence, "…, and Echelon-2027, a logistics exercise."). Its misses
  // then changed rules (the same session), so it is tuned since.
  { name: 'real-text names, seventeenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext17'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext17'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written after commit 6317ce1 (2026-12-06, eighth session), after the last rule change
  // of issue 23, from forms studied that day in stored Kazinform, Armenpress and CSTO-site pages
  // (a wire dateline without a date, a dateline with the year and the outlet in capitals, a date
  // line above the headline; a plural body defined by what it brings together after a participle
  // aside, copulas with "are the" and "is made up of"; "the Organization" for the CSTO, a code
  // name with its kind word and no year, a name after a long diplomatic title ending with "to the
  // CSTO", a surname in a quotation's attribution), never used to change a rule. Its first run (at
  // 4114738, its labels' commit): all P 93.3% R 96.6%, no trap hit; one omission of the labels was
  // corrected then and nothing else (the headline's "CSTO aviation forces" are the Collective
  // Aviation Forces, found but not labelled): all P 96.7% R 96.7%; bodies 6/6, exercises 2/2,
  // people 4/5 (a name after a long diplomatic title ending with "to the CSTO"), states 8/8,
  // organisations 9/9; dates 3/3; definitions 5/5, none misleading. Rules changed since: bcd8fa8
  // (the words between a code name and its kind word), a297d2d (a slashed dateline, ranks cut short)
  // c0780b9 (initials, possessives, repeats, lists before a kind word, a slashed agency), f095f3f
  // (bodies joined by "and the", the CSTO inside a body's name, a page's stamp) and baa0c01 (a body
  // under a catalog body, a name in the catalog's capitals, a state joined to a number); none of
  // this set's figures moved.
  { name: 'held-out real text, eighteenth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext18'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext18'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 at 5926b36, after the last rule change of names, dates and
  // definitions (6317ce1; that day's commits changed none: the bench's analysis hash is the same),
  // from forms studied in stored Vestnik Kavkaza, TASS, news.by, Izvestia and UkraNews pages (a
  // "date" line before a wire dateline, a title ending in a body's name before the person, a
  // headline surname, a role after the name and a colon, "Unbreakable Brotherhood", a body in
  // lower case, a region's possessive before a body, an organisation and its abbreviation in
  // brackets inside a title, a date line under a headline); labelled before its first run, never
  // to be used to change a rule. Its first run (at 5bafadd, its labels'
  // commit): all P 100% R 97.8%, no trap hit; bodies 10/10, exercises 3/4 (a code name that is a
  // common word, "the Barrier specialized drills", with an adjective before its kind word), people
  // 5/5, states 13/13, organisations 14/14; dates 3/3; definitions 5/5, none misleading. Its miss
  // then changed a rule (the words the press puts between a code name and its kind word), so it
  // is tuned since: all 46/46.
  { name: 'real-text names, nineteenth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext19'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext19'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the rule the nineteenth set changed (the last rule
  // change), from forms studied in stored TASS, Asia-Plus, UrduPoint, today.az, Turan and
  // odkb-csto.org pages (a "date" line with an ISO date before a sentence, "Joint Headquarters",
  // abbreviated ranks before a name, a transliteration the catalog lacks, "Troops (Collective
  // Forces)", a place/date/agency dateline with a two-digit year, a byline line, a full name with
  // its patronymic, a role after a comma, a code name in single quotes, two code names joined by
  // "and" before their kind word); labelled before its first run, never to be used to change a rule.
  // Its first run (at 6c42f7a, its labels' commit): all P 96.4% R 90.0%, no trap hit; bodies 8/9
  // ("the Joint Headquarters" said again alone), exercises 3/4 ("the Search and Echelon special
  // trainings": Search), people 4/5 (a name after "Lt. Gen."), states 5/5, organisations 6/6 with
  // one found beyond the labels (a name inside a longer labelled one, counted against precision
  // and not listed); dates 1/3 (the two others left undated, none misdated: "Almaty/13.01.22/Turan:"
  // and "date 2027-12-21" before a sentence); definitions 4/4, none misleading. Two of its misses
  // then changed rules (a place/dd.mm.yy/agency dateline; ranks cut short before a name), so it is
  // tuned since: all P 96.6% R 93.3%, dates 2/3.
  { name: 'real-text names, twentieth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext20'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext20'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the rules the twentieth set changed (the last rule
  // change), from forms studied in stored Kyrgyz MFA, Kabar (turkic.world), Kazinform, Astana Times
  // and 24.kg pages (a "Place, Mon. dd, yyyy. / Agency/." dateline, bodies with their
  // abbreviations in brackets, "Committee of Security Councils' Secretaries", "Foreign Ministers
  // Council", an acting title, a transliteration the catalog lacks, a document's quoted title, a
  // body in lower case after the CSTO); labelled before its first run, never to be used to change a rule.
  // Its first run (at 6e12844, its labels' commit): all P 100% R 85.0%, no trap hit; bodies 7/10 (the
  // abbreviations "CMFA" and "CMD" in brackets after a catalog body's name, "Committee of Security
  // Councils' Secretaries"), people 3/3, states 3/3, organisations 4/4; dates 1/2 ("Bishkek, Nov.
  // 19, 2027. / Kabar/." left undated, not misdated); definitions 3/3, none misleading. Its misses
  // then changed rules (c0780b9: another name's initials in brackets, a plural possessive in a
  // body's name, a slashed agency after a title-case dateline), so it is tuned since: all 20/20,
  // dates 2/2. The same commit moved the twentieth set to all P 96.8% R 100%.
  { name: 'real-text names, twenty-first set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext21'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext21'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the rules the twenty-first set changed (c0780b9, the last
  // rule change), from forms studied in stored Khovar, Sputnik, TASS, BelTA, Qazaq TV, Armenian
  // Radio, Islam Times and UrduPoint pages (a dateline with a dotted date and the agency in brackets
  // before a dash, a chain of titles before a head of state, a possessive organisation before its
  // body, a catalog body in lower case after the CSTO, the CSTO inside a body's name, a state's own
  // security council, a page's "date" line with its address, a code name with a year in quotes,
  // code names with years listed before their kind word, a weekday date with a time after a dash
  // and a story code under a headline, a body in lower case before "of the CSTO", a state adjective
  // before a minister's title, a temporary headquarters); labelled before its first run, never to
  // be used to change a rule. Its first run (at 5f587c0, its labels' commit): all P 92.9% R 94.5%,
  // no trap hit, right catalog entity 45/47; bodies 10/12 ("the Council of Defense Ministers and
  // the Committee of …" read as one name and taken for the Military Committee, a body under that
  // Council; "the Committee of CSTO Security Council Secretaries"), exercises 9/9, people 7/7,
  // states 19/19, organisations 7/8 ("CSTO" before "Combat Brotherhood-2027" is inside that
  // mention, as the matcher reads "CSTO Secretariat", while the labels count it apart); dates 2/3
  // (a "date" line followed by the page's address left undated, not misdated); definitions 6/6,
  // none misleading. The wrong-entity reading and two of the misses then changed rules, so it is
  // tuned since: all P 98.2% R 98.2%, dates 3/3 (the twentieth set's dates 2/3 -> 3/3 with it).
  { name: 'real-text names, twenty-second set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext22'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext22'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the rules the twenty-second set changed (f095f3f, the last
  // rule change), from forms studied in stored TASS, BelTA, Armenpress, RIA Novosti (cmio.org),
  // news.am, duma.gov.ru and odkb-csto.org pages (a page's section line and a yearless time line
  // over a yearless wire dateline, code names transliterated before "operation", a diplomatic
  // description of the CSTO before its name, a participial opening before a definition, a TV
  // channel, a site's clock date above the article's date and time, "(Operation PROXY)" after a
  // description, national headquarters, a yearless dateline in capitals with the agency after a
  // comma, "CSTO PA Council", a title with a bracketed gloss before a name, another union's
  // parliamentary assembly, the PA's own secretariat, a national assembly); labelled before its
  // first run, never to be used to change a rule. Its first run (at 98d7ef8, its labels' commit):
  // all P 89.4% R 97.7%, no trap hit, right catalog entity 40/40; one labelling omission was
  // corrected then and nothing else (Russia and Belarus in "the Union State of Russia and Belarus",
  // found but not labelled): all P 93.6% R 97.8%; bodies 7/8 ("the CSTO PA Secretariat" read as
  // the PA and the CSTO's Secretariat), operations 5/5, people 8/8, states 15/15 with one found
  // beyond them ("Rossiya" of the "Rossiya-24" channel), organisations 9/9; dates 3/3 (two
  // yearless datelines undated; the article's date and time under a site's clock date); definitions
  // 6/7 (a note's bare "PROXY" line, the catalog's own capitals, got no card). Those three then
  // changed rules, so it is tuned since: all 45/45, definitions 7/7.
  { name: 'real-text names, twenty-third set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext23'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext23'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the rules the twenty-third set changed (baa0c01, the last
  // rule change), from forms studied in stored Massis Post, RFE/RL, Azatutyun, TASS, Mayak, LIGA,
  // Caspian Post, 24.kg and Interfax (armenianclub) pages (a place and a dash with no date, a
  // possessive state before a leader, "REFERENCE." before a definition, a code name with its year
  // after a space, a reordered body with its region, "the joint headquarters" in lower case, a
  // state's own committee, a title run into a rank before a name, a region's possessive before a
  // body, currency rates over a headline, an agency's date with two digits of year, a code name
  // translated ("Border" for Rubezh) and said to be so, a body in the singular with its
  // abbreviation); labelled before its first run, never to be used to change a rule. Its first run
  // (at 8d683ef, its labels' commit): all P 93.5% R 92.1%, no trap hit, right catalog entity 52/53;
  // bodies 10/12 ("the joint headquarters" in lower case; "the Collective Rapid Deployment Forces
  // of the Central Asian CSTO region" taken for the CSTO), exercises 2/4 ("Border-2027" and
  // "Border", a translation of Rubezh the text names, found as an exercise of its own), people 7/8
  // (a leader after a state's possessive: "Belarus's Alyaksandr Lukashenka"), states 30/30 with one
  // found beyond them (the language of "its Russian name"), organisations 9/9; dates 2/3 ("9 Jul 27"
  // with two digits of year left undated, not misdated); definitions 4/6, none misleading (the
  // Rapid Deployment Forces "designed to" after a region's possessive; "Border is the annual
  // exercise …" for Rubezh). Rules changed after it was written and before its run: two for Russian
  // text only (the Collective Forces' bare Russian name, Russian definitions), which moved none of
  // its figures. Its misses then changed rules and the catalog, so it is tuned since: all P 95.4%
  // R 98.4% (left: the leader after a state's possessive; the language of "its Russian name"),
  // dates 3/3, definitions 6/6.
  { name: 'real-text names, twenty-fourth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext24'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext24'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the rules the twenty-fourth set changed (the last rule
  // change), from forms studied in stored TASS, news.by, 24.kg, odkb-csto.org (English), Charter97
  // and Euromore pages (a commander's role and rank after the CRRF's abbreviation, an exercises'
  // joint press center, a code name and its year with a space, a chief's title, a comma and a rank,
  // another alliance's exercise, a news list of items opened by dates in sentences, a chairman's
  // title holding a body's name, "I.N." initials, "the Organization's Joint Staff", a mistranslated
  // CRRF with its own abbreviation, the collective and rapid response forces in lower case, a
  // national contingent, a bare code name said to be a special exercise); labelled before its
  // first run, never to be used to change a rule. Its first run (at ea8a372, its labels' commit): all
  // P 97.8% R 91.7%, no trap hit, right catalog entity 42/42; one labelling omission was corrected
  // then and nothing else ("the Organization's Joint Staff" names the CSTO too, found but not
  // labelled): all P 100% R 91.8%; bodies 13/16 (the CRRF as "the rapid response forces" in lower
  // case, and mistranslated as "the Collective Security Response Operations (CSRO)"), exercises
  // 11/12 (another alliance's "Zapad 2027" not found), people 6/6, states 10/10, organisations
  // 5/5; dates 3/3; definitions 5/5, none misleading. A rule change after its run, for Russian
  // dates and definitions (an "/ hh:mm" after a date, "Обновлено:", a date glued to "г." opening a
  // text, "ОДКБ" after a name and "являясь"), moved none of its figures. On 2026-12-06 two of its
  // misses changed rules (e1eb171: a code name and its year after a space beside "exercise"; three
  // lower-case words of a catalog body after "the" in a text about the CSTO), so it is tuned since:
  // R 91.8% -> 95.9%.
  { name: 'real-text names, twenty-fifth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext25'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext25'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Held-out: written on 2026-12-06 after the last rule change of the day (the fifth Russian set's
  // dates and definitions), from forms studied in stored Moscow Times, TASS and Kabar-sourced
  // pages (a translated code name with its year after a space, the Peacekeeping Forces in lower
  // case after the CSTO, the UN Secretariat and the Red Cross as observers, a page's appeal line, a
  // member state's ministry, "the CSTO Joint Staff and Secretariat", a deputy minister's title, a
  // body "formed in 2001 to …"); labelled before its first run, never to be used to change a rule.
  // Its first run (at d257d9e, its labels' commit): all P 100% R 96.0% (24 of 25), no trap hit, right
  // catalog entity 22/22; organisations 5/6 (the International Committee of the Red Cross, named
  // without an abbreviation); dates 2/2 (both undated, said so); definitions 4/4, none misleading.
  // A rule change after its run, for Russian code names after a kind word, moved none of its
  // figures; it was never tuned on.
  // Thirty-third: written on 2026-12-06 after the session's last rule change (a9580ad), from stored
  // sb.by, Qazaq TV, Armenian Radio, today.az, Trend and UrduPoint pages (a "Posted:" line with a
  // time, the British "Organisation", a body after a lower-case possessive, a press secretary's
  // title in lower case, the catalog operation in Kazakhstan in lower case, a dateline without a
  // year over an agency's line, a body inside a commander's title, the peacekeeping forces in lower
  // case after "the command of", a state's ministry); labelled before its first run, never to be
  // used to change a rule. Its first run (at its labels' commit): 23/23, no trap hit; dates 2/2;
  // definitions 2/2, none misleading.
  { name: 'held-out real text, thirty-third set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext33'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext33'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-fourth: written on 2026-12-06 (the twelfth session) after the last rule change (d39233a;
  // faada9c since changed no answer), from stored news.by, geopolitica.ru, China News (Hangzhou Net),
  // ctv.by, mid.ru, weeklyblitz, menafn, nationalpost and inform.kz pages (three bodies sharing one
  // "of the Collective Security Treaty Organization", their initials with "CMD" for the defence
  // ministers, "Foreign Minister of <state> <name>", a state adjective before a minister, a name
  // before a capitalised role of a state's body, another organisation's head before a name, a
  // national General Staff, a date under the headline with a weekday and a time, bracketed
  // translations after transliterated editions, a CIS council with its initials, a state's military
  // district); labelled before its first run. Its first run (at its labels' commit): P 98.1% R 94.4%
  // (51 right of 52 found, 54 labelled), no trap hit; dates 2/2; definitions 2/2, none misleading.
  // The one false find was an error of the labels, corrected then and nothing else ("Belarusian" in
  // "the Belarusian capital" is the state, as the set labels every state adjective): P 100% R 94.5%.
  // Missed: "CMD", and a CIS council whose initials follow the Russian word order ("CBTC").
  // Tuned on since (2026-12-06, thirteenth session): "CMD" became an alias of the Council of
  // Defence Ministers and initials in the Russian order are read; then P 100% R 100% (55/55).
  { name: 'real-text names, thirty-fourth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext34'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext34'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-fifth: written on 2026-12-06 (thirteenth session) after the last rule change (b517192),
  // from stored armenpress, pacsto, iacis, TASS, primeminister.am, 24.kg, menafn, qazinform,
  // silkway, BelTA, frontierpost, senno and asiaplus pages (a dateline with a month and day but no
  // year beside background years; a publication line above a dateline without a year; the council
  // of a body written "CSTO PA Council"; "PA CSTO" before a standing commission named with other
  // words than the catalog's; a gloss in brackets between a role and a name; a title, a comma and a
  // second role before a name; another union's Parliamentary Assembly; a palace and a national
  // parliament named like a council; "press secretary of the CSTO Joint Headquarters"; a national
  // military academy; a lower-case force with its Russian initials; editions with a spaced dash;
  // an exercise introduced by what it is and "called"; an unnamed working group); labelled before
  // its first run (6355039). Its first run: P 93.6% R 95.7% (44 right of 47 found, 46 labelled), no
  // trap hit, right catalog entity 36/37; dates 2/2; definitions 4/5, none misleading. Missed: "the
  // Assembly" after "the Council of the CSTO Parliamentary Assembly", the PA's standing commission
  // "on Political Affairs …" (the catalog's is "on Political Issues …"), and Barrier-2028's
  // definition ("an exercise of … units, called Barrier-2028"). Tuned on since (thirteenth session):
  // the three rules behind those misses changed; then P 97.9% R 100% (the one false find is "CSTO"
  // inside the label "CSTO Joint Headquarters", found as the organisation and the Joint Staff), definitions 5/5.
  { name: 'real-text names, thirty-fifth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext35'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext35'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-sixth: written on 2026-12-06 (thirteenth session) after the last rule change (0aec9f2),
  // from stored asiaplus, TASS, odkb-csto (Nelegal plans and results), ksbnm, mvd.ru, BelTA, 24.kg,
  // CARICC and older asiaplus pages (a publication line over a dateline without a year; a dateline
  // without a year beside a plan's year and "since 2003"; an operation's plan "dubbed" its edition,
  // which does not define it; "the operation's aim is to …"; an operation's International
  // Headquarters and International Coordination Headquarters; an edition with a spaced hyphen; a
  // catalog council written in lower case with "of the CSTO member states" inside; CIS bodies and a
  // financial group with initials; a regional centre with its initials; Interpol without its full
  // name; a stage in guillemets with a spaced dash; a Telegram channel, a television channel and a
  // plan named like bodies; an intergovernmental commission); labelled before its first run. Its
  // first run: P 96.7% R 82.9% (29 right of 30 found, 35 labelled), no trap hit, right catalog
  // entity 16/16; dates 2/2; definitions 1/3, one misleading (Illegal-2029 quoted the sentence
  // that only names it, "the plan of the operation, dubbed …"). Two errors of the set corrected
  // then, nothing else: "CSTO CCBCD" is one body label, as the set labels "CSTO Secretariat" (R
  // 85.3%); the note asked for "Channel" alone, an ordinary word at a line's start, and now asks
  // for "the Channel operation". Missed and left: a CIS council without initials, the catalog's
  // migration council in lower case with "of the CSTO member states" inside, "Its International
  // Coordination Headquarters", Interpol without its full name, "Channel" opening a quotation.
  // Tuned on since (thirteenth session): a naming verb or a quoted name after a bare "the
  // operation" no longer defines, and "The operation's aim is to …" does; then definitions 3/3.
  { name: 'real-text names, thirty-sixth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext36'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext36'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-seventh: written on 2026-12-06 (thirteenth session) after the last rule change (084c416),
  // from stored qazaqtv, armradio, today.az, iha.news, sb.by, trend.az, urdupoint and laitimes pages
  // (a "Posted:" line with a numeric date and seconds over a dateline with an abbreviated month and
  // no year; a dateline "BAKU, Azerbaijan, Jan. 11" with no year and background years; a commander
  // named by a comma-set apposition, then by title and surname; a body inside a role's title; a
  // national military institute and an air force; "the Organization" for the CSTO; an appositive
  // "the highest body of …"; a relative clause saying what a centre does); labelled before its first
  // run. Its first run (held out): P 97.1% R 97.1% (33 right of 34 found, 34
  // labelled), no trap hit, right catalog entity 31/32; dates 2/2; definitions 3/4, none misleading.
  // Missed: "the Organization's observers" right after the SCO was named (taken as the SCO), and the
  // Collective Security Council's apposition ("…, the highest body of the Organization, …") after "for".
  // Held out through the fourteenth session's first rule change (eb8879b, figures unchanged); both
  // misses then changed a rule (tuned since).
  { name: 'real-text names, thirty-seventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext37'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext37'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-eighth: written on 2026-12-06, after the last rule change (084c416), from stored TASS,
  // Kazinform, Caspian Post, 24.kg, mvd.ru, CARICC and odkb-csto pages on the Rubezh exercises and
  // the Channel stages, in my own words (a lower-case headline naming the rapid deployment forces,
  // their name with its words reordered, "Joint Headquarters", an edition written with a space, the
  // Collective Forces in brackets after the CSTO, a publication line over a dateline without a year,
  // a stage of Channel the catalog lacks, the drug council's long name with "Coordinating", an
  // organisation with its initials in brackets, "Channel" opening a sentence before an apposition);
  // labelled before its first run. Its first run (at its labels' commit, held out): all P 93.8% R
  // 90.9% (30 of 33); bodies, operations and exercises 12 of 15; no trap hit; right catalog entity
  // 21/21; dates 2/2; definitions 2/4, none misleading. Missed: the lower-case headline's "Rapid
  // deployment forces of Central Asia", "Its International Coordination Headquarters", "Channel, the
  // CSTO's permanent regional anti-drug operation, …" (so neither Channel's definition), and the
  // stage's card from a note (the note took "Channel" and "Barrier" instead of the stage). The
  // precision lost was the CSTO taken apart from "CSTO Joint Headquarters" and from the drug
  // council's long name. Tuned since.
  { name: 'real-text names, thirty-eighth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext38'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext38'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-ninth: written on 2026-12-06, after the last rule change (eb8879b), from stored soyuz.by,
  // Sputnik, news.by, CTV, Kazinform, TASS, khovar and odkb-csto pages on the foreign ministers'
  // meetings and the Cobalt exercises, in my own words (a time and a day without a year under the
  // headline, "CSTO Ministerial Council", "Council of CSTO Foreign Ministers", a spokeswoman after a
  // state's ministry, a minister "of Belarus" before his name, "the Organization" after a state,
  // an edition in the headline and in a quotation transliterated, "Collective Operational Response
  // Force" in the singular, a national committee and guard, a series defined behind an aside);
  // labelled before its first run, held out, never used to change a rule. Its first run (at its
  // labels' commit): all P 100% R 97.5% (39 of 40); bodies, operations and exercises 13 of 13; no
  // trap hit; right catalog entity 33/33; missed: "BRICS" (an organisation's initials alone, which
  // the text never spells out). Dates 2/2; definitions 2/3, none misleading, with one error in the
  // set's own note corrected then and nothing else: the series was written "Cobalt" alone on a line,
  // where it is the ordinary word; as the fourteenth set writes "operation Channel", it is now
  // "exercise Cobalt" hovered at "Cobalt", and its card quotes the definition (3/3).
  { name: 'held-out real text, thirty-ninth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext39'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext39'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fortieth: written on 2026-12-06, after the last rule change (9073ffc), from stored RIA Novosti
  // (cmio), duma.gov.ru, TASS, pacsto, BelTA, charter97 and Kazinform pages on the Parliamentary
  // Assembly's sessions and the Interaction exercises, in my own words (a wire dateline without a
  // year, the Speaker's role with a gloss in brackets, "chairman of the CSTO PA", the PA's
  // Secretariat, another union's assembly, states' possessives, a dateline with its year and the
  // agency in brackets, code names transliterated with a translation in square brackets inside a
  // quotation, a series' purpose, "Cliff" for the Rock exercise, the CRRF's initials after its
  // name, a strategic exercise's edition in a sentence that does not define it); labelled before
  // its first run. Its first run (at its labels' commit, held out): all P 91.9% R 91.9% (34 of 37);
  // bodies, operations and exercises 18 of 21; no trap hit; right catalog entity 25/25; dates 2/2;
  // definitions 3/3. One labelling error corrected then and nothing else: the headline's "Volodin"
  // was not labelled (P 94.6% R 92.1%, 35 of 38, with it). Missed: "Interaction" first in a list
  // after "three exercises:" in a quotation, "the special exercise codenamed Barrier", and "Cliff"
  // for the Rock exercise (a translation the catalog does not give). The precision lost was the
  // CSTO found apart from "CSTO rapid reaction forces" and after "Council of the Parliamentary
  // Assembly of". Tuned since.
  { name: 'real-text names, fortieth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext40'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext40'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-first: written on 2026-12-06, after the last rule change (10d7a70), from stored
  // odkb-csto, ksbnm, asiaplus, 24.kg, BelTA and TASS pages on the Nelegal and PROXY operations, in
  // my own words (a release dated under its headline, the operation's international headquarters,
  // the migration council with "Combating", a police rank before a name, the CIS anti-terrorist
  // centre written as one word, another union's financial council, a series defined by an
  // apposition, an edition without its own definition, "Operation PROXY" then "The Proxy
  // operation is aimed at", an organisation with its initials in brackets, a wire dateline
  // without a year, "Kanal" and "Nelegal" before their kind word, the CSTO defined behind a
  // participle and an aside); labelled before its first run. Its first run (at its labels'
  // commit, held out): all P 100% R 87.9% (29 of 33); bodies, operations and
  // exercises 10 of 11; no trap hit; right catalog entity 24/24; dates 2/2; definitions 4/4.
  // Missed: the migration council written "on Combating Illegal Migration", the CIS "Council of
  // Heads of Financial Intelligence Units", and "the Islamic State (IS)" (initials of two letters).
  // The council's miss changed a rule since ("Combating" read as "Countering"): tuned.
  { name: 'real-text names, forty-first set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext41'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext41'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-second: written on 2026-12-06, after the last rule change (0674a55), from stored trend.az,
  // Times of Central Asia, fergana, asiaplus, urdupoint, TASS, news-front and novostink pages on
  // the Tajik-Afghan border programme and the Military Committee, in my own words (an outlet's
  // section line with a date and a time zone over a dateline without a year, a programme named
  // with capitals that is no body, "Tajik-Afghan" state adjectives, the Permanent Council said to
  // do in the present, "the Organization's bodies", a movement, a wire dateline without a year,
  // "Russia's chief of General Staff", "the collective air force" in lower case, a committee
  // defined behind a participle, a UN department); labelled before its first run. Its first run
  // (at its labels' commit, held out): all P 97.4% R 94.9% (37 of 39);
  // bodies 9 of 9 (no operation or exercise in it); people 5/5, states 13/13, organisations 10/12;
  // no trap hit; right catalog entity 29/29; dates 2/2; definitions 3/3. Missed: "the Taliban
  // movement", and "the UN Department of Peacekeeping Operations" (only "UN" found, as the UN).
  // The department's miss changed a rule since: tuned.
  { name: 'real-text names, forty-second set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext42'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext42'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-third: written on 2026-12-06, after the last rule change (dd0cff7), from stored
  // asiaplus, news.tj, el.kz, TASS, primeminister.am and odkb-csto pages on the Collective
  // Security Council's sessions, and Kabar-style reports of a Secretary General's visit, in my own
  // words (a section line and a numeric date over a headline, "the Collective Security Council
  // (CSC)" then "the CSC members", heads of state with the states' long forms, an acting
  // president, a definition after "In accordance with Article 13 of the CSTO Charter,", a body
  // inside a document's name, the military-economic commission without its hyphen, an ISO
  // publication line, a stage of Channel quoted then defined by an apposition, a national
  // parliament and an air base); labelled before its first run. Its first run (at its labels'
  // commit, held out): all P 100% R 97.0% (32 of 33); bodies, operations and
  // exercises 12 of 13; no trap hit; right catalog entity 23/23; dates 2/2; definitions 2/3, none
  // misleading. Missed: "Kanal-Issyk-Kul" said again without its quotes at a sentence's start, and
  // the stage's card from a note (the note does not take the hyphenated name alone on a line).
  // Both changed a rule since: tuned.
  { name: 'real-text names, forty-third set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext43'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext43'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-fourth: written on 2026-12-06, after the last rule change (8ca7693), from stored news.az,
  // asiaplus, 24.kg, TASS and other pages on the Indestructible Brotherhood exercises, in my own
  // words (an edition with a space inside quotes, "the Russia-led bloc", a training ground's name,
  // a state's possessive before a long role and a name set off by commas, a prime minister after
  // a state's adjective, "the Organization", the peacekeeping forces in lower case defined by a
  // copula, a wire dateline without a year, a spokesman after his name and a comma, states' long
  // forms with "the Republic of Kyrgyzstan", abbreviated ranks, "The exercise will be aimed at");
  // labelled before its first run. Its first run (at its labels' commit, held out): all P 100%
  // R 97.2% (35 of 36); bodies, operations and exercises 8 of 8;
  // people 4/5, states 16/16, organisations 7/7; no trap hit; right catalog entity 31/31; dates
  // 2/2; definitions 1/2, none misleading. Missed: "Oleg Dubrovin, a spokesman for the CSTO Joint
  // Headquarters" (a role after "a"), and the edition's "The exercise will be aimed at …" two
  // paragraphs after the edition was named. Both changed a rule since: tuned.
  { name: 'real-text names, forty-fourth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext44'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext44'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-fifth: written on 2026-12-06, after the last rule change (efd6e18), from stored Ariana,
  // Frontier Post, ecrats, Interfax and urdupoint pages on the Working Group on Afghanistan, in my
  // own words (a dateline with its year and the outlet in brackets, the group "under the CSTO
  // Council of Foreign Ministers", UN and CIS bodies named after their organisations, initials
  // alone, a working group in lower case, "the Islamic State (ISIL)", the spokesman's other
  // spelling, a working group of experts in lower case with "countering", "the CSTO Committee of
  // Security Council Secretaries", the UN Security Council's possessive, a movement); labelled
  // before its first run. Its first run (at its labels' commit, held out): all P 100% R 82.8% (24
  // of 29); bodies 9 of 9 (no operation or exercise in it), the
  // two lower-case working groups among them; people 2/2, states 2/2, organisations 11/16; no trap
  // hit; right catalog entity 20/20; dates 2/2; definitions 2/2. Missed: "the Islamic State
  // (ISIL)" and "ISIL" (initials that are not the name's), "the Taliban", "the ICRC" (initials
  // alone, never spelt out). They changed the catalog since (six organisations the CSTO's news
  // names beside it, with their short names): tuned.
  { name: 'real-text names, forty-fifth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext45'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext45'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-sixth: written on 2026-12-06, after the last change of rules and catalog (9205160), from
  // stored odkb-csto, BelTA and TASS pages on the military-economic commission and the Thunder
  // exercises, in my own words (a headline naming the Joint Staff, a numeric date under it, a
  // secretary's role after his name, "(ICMEC, Commission)", "The Commission" and "The ICMEC" said
  // again, the Organization, a dateline with its year and the agency in brackets, a national
  // security committee, an edition quoted in the headline's words and transliterated in a
  // quotation, a common-word series defined by an apposition); labelled before its first run. Its
  // first run (at its labels' commit, held out): all P 90.9% R 95.2%
  // (20 of 21 labelled, 22 found); bodies, operations and exercises 13 of 14; no trap hit; right
  // catalog entity 19/19; dates 2/2; definitions 0/3, two of them "misleading". Two labelling
  // errors corrected then and nothing else: the headline's "military-economic commission" and the
  // "Commission" inside "(ICMEC, Commission)" name the ICMEC and were not labelled (P 100% R 95.7%,
  // 22 of 23, with them). Missed: "Thunder, an exercise of the special forces of …, was first held
  // in 2021" (an apposition whose kind word has a complement after it), so the series has no
  // definition and its card, like its 2029 edition's, quotes the edition's "A joint exercise of
  // the special units of the security services …, «Thunder-2029», began …" (which does say what
  // the edition is; the set expected the series' sentence); and the ICMEC's "The ICMEC
  // coordinates …", its sixth mention in the page, past the four a page has scored per entity.
  // One expectation corrected after the run: the edition's own sentence does define it, and the
  // issue wants an edition's card to quote a sentence about that edition (definitions 1/3 with it,
  // the series' card still misleading). Both misses changed a rule since: tuned.
  { name: 'real-text names, forty-sixth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext46'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext46'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-seventh: written on 2026-12-06, after the last rule change (9b86c69), from stored TASS,
  // Interfax, BelTA and ecrats pages on the Echelon exercises and the CSTO's information-security
  // group, in my own words (a page date with a time over a wire dateline without a year, an
  // exercise in single quotes after "Earlier,", a national military district, a rank with a
  // hyphen, three code names in double quotes, a plural kind defined by what it does, "the
  // collective forces" in lower case, a working group under a council, the crisis centre's other
  // spelling, "Commonwealth of Independent States (CIS)", "The working group, set up in 2013, …");
  // labelled before its first run. Its first run (at its labels' commit, held out): all P 100% R
  // 100% (27 of 27); bodies, operations and exercises 13 of 13; no
  // trap hit; right catalog entity 26/26; dates 2/2; definitions 1/2, none misleading. Missed:
  // "The working group, set up in 2013, prepares …" (a two-word head noun in lower case, not read
  // as the group named in the sentence before). That miss changed a rule since: tuned.
  { name: 'real-text names, forty-seventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext47'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext47'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-eighth: written on 2026-12-06, after the last rule change (70a9012), from stored TASS,
  // BelTA, asiaplus and odkb-csto pages on the Crisis Response Center and the rescue units'
  // exercises, in my own words (a month-day-year date under a headline, "crisis centre" in lower
  // case after "CSTO", "the Centre" and "The CRC" said again, a relative clause with where and when
  // it opened, the aviation forces, a state that chairs, a dateline with its year and the agency in
  // brackets, a national ministry, a council defined by "which brings together", an edition quoted
  // and then transliterated); labelled before its first run and held out until then.
  // Its first run (at its labels' commit): all P 100% R 92.3% (24 of 26); bodies, operations and
  // exercises 7 of 9; people 2/2, states 8/8, organisations 7/7; no trap hit; right catalog entity
  // 22/22; dates 2/2; definitions 1/2, none misleading. Missed: "the Centre" said again after the
  // Crisis Response Center, and "The CRC, which opened in Moscow in 2016, …" (initials the catalog
  // does not list and the text never puts in brackets), so the centre's card has no definition.
  // Those misses changed two rules since (a79a848): tuned.
  { name: 'real-text names, forty-eighth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext48'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext48'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Forty-ninth: written on 2026-12-06, after the last rule change (26b9a77), from stored TASS,
  // commonspace, news.by, mid.ru, NIAT Khovar, odkb-csto and PanARMENIAN pages on the foreign
  // ministers' meetings and the joint air drills, in my own words (a dd.mm.yyyy dateline with the
  // agency in brackets, the council's short name in brackets after its full name, "Chaired by …"
  // with a role and no comma, a chairman's two titles, a definition under the bracketed short name,
  // "the CSTO Foreign Ministers' Council", a working group "under" the council, a treaty's
  // anniversary; "the Allied Staff" alone after "the Allied Staff of the CSTO", a dateline without
  // its year under a dated line, a transliterated code name with its translation in brackets, a
  // series defined by "is an exercise in which", a participle and an apposition around the CSTO);
  // labelled before its first run, held out. Its first run (at its labels' commit): all P 91.9% R
  // 97.1% (34 of 35); bodies, operations and exercises 13 of 14; people 5/5, states 9/9,
  // organisations 7/7; no trap hit; right catalog entity 28/28; dates 2/2; definitions 3/5, one
  // misleading. Two false finds were an error of the labels, corrected then and nothing else ("the
  // collective forces" in lower case, which the earlier sets label as the Collective Forces): P
  // 97.3% R 97.3%. Missed: "The Allied Staff, set up in 2004, …" after "the Allied Staff of the
  // CSTO" (so the Joint Staff's card has no definition), and "the CSTO Foreign Ministers' Council"
  // whole (the possessive apostrophe split it into the CSTO and "Council"); Combat Brotherhood's
  // card quoted "… within the Combat Brotherhood exercise, which this year will be carried out in
  // three member states" as its definition. Those misses changed three rules since (509464c): tuned.
  { name: 'real-text names, forty-ninth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext49'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext49'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fiftieth: written on 2026-12-06, after the last rule change (509464c), from stored qazaqtv,
  // armradio, sb.by, tvr.by, Sputnik-derived and TASS pages on the peacekeepers' withdrawal from
  // Kazakhstan, in my own words, about a fictional exercise (a date and time under a headline,
  // "Posted:" with a date and time, the peacekeeping forces in lower case and in full with the
  // organisation's name, a training ground's name, a national military institute, a series defined
  // by "is the annual exercise in which", a role made of a body's words before a rank and a name,
  // "press secretary" in lower case before a name, a council's decision with an earlier date, an
  // apposition before "consists of", national air force branches, "the Russia-led security bloc");
  // labelled before its first run, held out: never to change a rule. Its first run (at its labels'
  // commit): all P 100% R 100% (32 of 32); bodies, operations and exercises 9 of 9; people 3/3,
  // states 11/11, organisations 9/9; no trap hit; right catalog entity 31/31; dates 2/2; definitions
  // 4/4 (an edition quoting its series' definition, labelled as such), none misleading. Rules
  // changed after it (0ac3926, f346108, a6ca1e3, 4964331, 4c7a05c, 8940e33, the legal date line,
  // 9dd7ecb and 1c376af, from the fifty-first to fifty-ninth sets); none moved its figures.
  { name: 'held-out real text, fiftieth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext50'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext50'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-first: written on 2026-12-06, after the last rule change (509464c), from stored Kazinform,
  // 24.kg, belarus24, seco.am and BelTA pages on the security council secretaries' and the defence
  // ministers' meetings, in my own words (a dateline with the agency and no date, a future meeting's
  // day, the committee's name with "the CSTO" inside it, "The committee, a consultative and
  // executive body of the Organization, coordinates …", "Acting" before a Secretary General, the
  // national security councils in lower case, a date and time under a headline, the US spelling
  // "Defense" in a council's name, a national chief of staff before a comma and his name, a dash
  // between two states, a council defined right after its initials in brackets, a list of exercises
  // with their host states); labelled before its first run, held out. Its first run (at its
  // labels' commit): all P 93.9% R 91.2% (31 of 34); bodies, operations and exercises 9 of 12;
  // people 4/4, states 11/11, organisations 7/7; no trap hit; right catalog entity 29/29; dates 2/2
  // (the undated one said so); definitions 5/5, none misleading. One miss was an error of the
  // labels, corrected then and nothing else ("The committee" said again in lower case, which no
  // earlier set labels as a mention): P 93.9% R 93.9%. Missed: "Echelon and Interaction", common
  // words in a list after "exercises were held last year –"; and "CSTO security council
  // secretaries" in the headline was taken for the Collective Security Council. Those misses
  // changed three rules since (0ac3926): tuned.
  { name: 'real-text names, fifty-first set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext51'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext51'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-second: written on 2026-12-06, after the last rule change (0ac3926), from stored armradio,
  // UrduPoint/Sputnik, comparemela, nation.com.pk, telesur and TASS pages on the biological security
  // council and the 2022 summit, in my own words (a title-case headline with "On", a weekday and an
  // ordinal date with the time, a dateline whose date is inside the agency's brackets, "Coordinating
  // Council on … Safety" for the catalog's "Coordination Council on … Security", the council and the
  // committee of secretaries in lower case in a quotation, "The coordinating council will analyse
  // …", a national security council's secretary; a dateline without its year and no other date, a
  // misspelt "Treat Organization", a founding year and a year of leaving in the background);
  // labelled before its first run, held out. Its first run (at its labels' commit): all P 93.1% R
  // 90.0% (27 of 30); bodies 4 of 6 (both in lower case found); people 2/2, states 14/14,
  // organisations 7/8; no trap hit; right catalog entity 26/28; dates 2/2 (the undated one said so,
  // not 1992); definitions 2/3, none misleading. Missed: the title-case headline's "Council On
  // Biological Security To Start Working In" taken as a new body; "Coordinating Council on
  // Biological Safety" taken as a new body, not the catalog's "Coordination Council on Biological
  // Security"; so "The coordinating council will analyse …" defined nothing; and the misspelt
  // "Collective Security Treat Organization". Those misses changed four rules since (f346108):
  // tuned. Its two "CSTO" labels now fall inside the council's span ("CSTO Coordinating Council …",
  // one mention, as "CSTO Joint Headquarters" is by design), left as labelled.
  { name: 'real-text names, fifty-second set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext52'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext52'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-third: written on 2026-12-06, after the last rule change (f346108), from stored Kazinform,
  // TASS, asiaplus, news.am, belvpo and news.by pages on the Search drills and the contingents
  // arriving for the autumn exercises, in my own words (an ISO date under a headline above a
  // dateline without its year, a code name and its translation in brackets after "special drills",
  // "Battle Brotherhood" for Combat Brotherhood, the reaction force's transliterated initials in
  // brackets, a long national role before a rank and a name, "Unified Staff" for the Joint Staff,
  // "The Search exercises train …"; a month-day-year date line, two training grounds, an edition
  // and a series in quotes defined by "aims to" and "will focus on", a role after "said" and a
  // name); labelled before its first run, held out. Its first run (at its labels' commit): all P
  // 88.9% R 92.3% (24 of 26); bodies, operations and exercises 10 of 12; people 3/3, states 6/6,
  // organisations 5/5; no trap hit; right catalog entity 23/25; dates 2/2; definitions 5/5, none
  // misleading. Missed: "Battle Brotherhood-2031" and "CSTO Unified Staff", translations the
  // catalog lacks, each taken as a new entity. Those misses changed a rule and the catalog since
  // (a6ca1e3): tuned.
  { name: 'real-text names, fifty-third set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext53'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext53'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-fourth: written on 2026-12-06, after the rule change before it (a6ca1e3), from stored
  // UrduPoint/Sputnik, asiaplus, timesca, trend.az, belta, 24.kg and amu.tv pages on the Tajik-Afghan
  // border programme and the Secretary General's visits, in my own words (a section name, a date and
  // a time zone on one line, a dateline with its country and without a year, a programme named in
  // capitals that is no body, "last year's session" in the background; no date at all, three
  // organisations of the UN, the OSCE and the EU in one list, a working group named after what it
  // finalises, "The working group, set up by …, prepares …", a national security committee with
  // its initials); labelled before its first run and held out until then. Its first run (at its
  // labels' commit): all P 92.5% R 94.9% (37 of 39); bodies 4 of 4 (the working group named after
  // what it finalises among them); people 6/6, states 13/14, organisations 14/15; two trap hits;
  // right catalog entity 27/27; dates 2/2 (the undated one said so); definitions 3/3, none
  // misleading. Missed: "the EU", which the catalog lacks; the national "State Committee for
  // National Security of Tajikistan (SCNS)" was carded as an organisation, its initials too (the
  // two trap hits), and took the state inside it. Those misses changed a rule and the catalog since
  // (4964331): tuned.
  { name: 'real-text names, fifty-fourth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext54'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext54'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-fifth: written on 2026-12-06, after the rule change before it (4964331), from stored
  // hyetert/asbarez, sputnik, yelaket, silkway, news-front and armradio pages on the 2022 monitoring
  // mission to Armenia and a Military Committee session, in my own words (a day / month / year :
  // time line, "its joint chief of staff" in lower case before a rank and a name, "[CSTO]" put into
  // a quotation, "the joint staff" and "the collective security council" in lower case, a national
  // general staff; "the CSTO Minister of Defence Council" in the singular, "The committee, which
  // brings together …, prepares …", a national chief of general staff's long role; no date at all,
  // the council's transliterated initials in brackets with what it is, "the CSTO SKB");
  // labelled before its first run and held out until then. Its first run (at its labels' commit):
  // all P 87.1% R 84.4% (27 of 32); bodies 7 of 10; people 6/6, states 7/7, organisations 7/9; no
  // trap hit; right catalog entity 25/25; dates 2/3 (the day / month / year : time line not read,
  // the document called undated, nothing misdated); definitions 3/4, none misleading. Three labels
  // were errors, corrected then and nothing else: the headline's "CSTO defence ministers' council"
  // in lower case and "the Committee's Chairman" after the Military Committee, both right and not
  // labelled (the earlier sets label such names and short forms), and "the organization" in lower
  // case, which no earlier set labels: P 93.5% R 87.9% (29 of 33). Missed: "the CSTO Minister of
  // Defence Council" (the singular), "SKB" and "the CSTO SKB" (the council's transliterated
  // initials), and the council's definition in brackets; the headline's "Military Committee of the
  // CSTO" ran on over the CSTO, which there qualifies the council after it. Those misses changed
  // three rules since (4c7a05c; the singular and the headline left): tuned.
  { name: 'real-text names, fifty-fifth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext55'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext55'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-sixth: written on 2026-12-06, after the rule change before it (4c7a05c), from stored
  // pacsto.org pages (the Parliamentary Assembly's observer missions and its members' delegations)
  // and earlier-read wire reports of special forces drills, in my own words (a date and a time on
  // one line, the assembly's long name with "(CSTO PA)", a role in lower case before a comma and a
  // name, a national election commission and a chamber, "The CSTO PA, the Organization's
  // interparliamentary body, brings together …", a standing commission written "Standing" for the
  // catalog's "Permanent"; a page without a date listing national parliaments and their chambers, a
  // role, a colon and a name, "The Council of the Assembly, its governing body, is made up of …"; a
  // dateline with the outlet after the date, a training ground, a series defined by "is an
  // exercise in which", a commander named by his role only); labelled before its first run and
  // held out until then. Its first run (at its labels' commit): all P 96.9% R 93.9% (31 of
  // 33); bodies, operations and exercises 14 of 14; people 3/5, states 9/9, organisations 5/5; no
  // trap hit; right catalog entity 29/29; dates 3/3 (the undated page said so); definitions 4/5,
  // none misleading. Missed: the two people after "Plenipotentiary representative of …:" (a role in
  // lower case the titles lack), and "The Council of the Assembly, its governing body, is made up of
  // …" (the council said by its head noun and "the Assembly"), so its card claims no definition.
  // The two people changed a rule since (8940e33), and the apposition with "its" another: tuned.
  { name: 'real-text names, fifty-sixth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext56'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext56'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-seventh: written on 2026-12-06, after the rule change before it (8940e33), from stored
  // Kazinform, ealegislation, sectsco, asiaplus, kt.kz, odkb-csto and qazinform pages on the CSTO,
  // CIS and SCO heads' meetings, their secretariats' memorandum and the 2022 summit, in my own words
  // (a time before the date on a line, an agency's dateline without a date, three organisations
  // each with its initials, a double title joined by a dash, another organisation's executive
  // committee, three organisations' centres named together; a legal text dated "of October 5, 2033"
  // under its title, two secretariats each given a short name by "further -"; a dateline with the
  // outlet after the date, "In accordance with Article 13 of the CSTO Charter, the Collective
  // Security Council is …", "The Council considers …", "Created in 1992, the … Organization is …"
  // in the background; the last document follows the same page as the thirty-first set's, which an
  // earlier session read); labelled before its first run and held out until then. Its
  // first run (at its labels' commit): all P 90.2% R 100% (37 of 37, 41 found); bodies 8 of 8;
  // people 4/4, organisations 25/25; one trap hit; right catalog entity 34/34; dates 2/3 (the legal
  // text's "of October 5, 2033" under its title not read, the document called undated, nothing
  // misdated); definitions 2/2, none misleading. Two labels were errors by the earlier sets'
  // conventions, corrected then and nothing else: "the CIS Executive Committee", found as another
  // organisation's body, as the forty-second set labels "the UN Department of Peacekeeping
  // Operations", had been made a trap (the trap hit); and "Russia" in "a Russia-led … alliance",
  // which the fiftieth set labels, was not labelled: P 95.1% R 100%. The legal text's date changed
  // a rule since: tuned.
  { name: 'real-text names, fifty-seventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext57'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext57'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-eighth: written on 2026-12-06, after the rule change before it (the legal date line),
  // from stored TASS, sputnik.kg, tengritimes, armenianclub (Interfax-AVN), caspianpost and
  // dcdecides pages on the Rubezh drills of the Central Asian rapid deployment forces, in my own
  // words (a wire dateline without its year and no other date, a spokesman "for" a body after his
  // name, "CSTO Joint Staff Head" before a rank and a name, a training centre, "…, formed in 2001 by
  // a decision of …, are made up of …"; an agency's web-site line and a date with a two-digit year,
  // the force in the singular with its initials, a founding day in the background; a blog's bullet
  // lines with a yearless date and a reading time, the region's name in lower case, "Central Asian
  // Collective Rapid Deployment Force (CRF)", a surname alone after "Secretary-General");
  // labelled before its first run and held out until then. Its first run (at its labels' commit):
  // all P 100% R 88.4% (38 of 43); bodies, operations and exercises 16 of 18; people 2/3, states
  // 11/12, organisations 9/10; no trap hit; right catalog entity 37/37; dates 3/3 (the two undated
  // said so); definitions 2/3, one misleading: the series Rubezh's card quoted "The CSTO exercise
  // "Rubezh-2033" was held in Issyk-Kul Oblast …", a sentence about one edition that defines
  // nothing. Missed: "the CSTO's Rubezh-2033" (the organisation's possessive taken into the
  // exercise's name), "Kyrgyzstan" before "2-6 August" in a headline, the blog's initials "CRF"
  // (not the name's) and a surname alone after "Secretary-General". The misleading card and the
  // possessive changed two rules since (9dd7ecb): tuned.
  { name: 'real-text names, fifty-eighth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext58'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext58'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Fifty-ninth: written on 2026-12-06, after the rule change before it (9dd7ecb), from stored
  // vitebsk-region (BelTA), news.tj, PanARMENIAN, globalpost (Xinhua), asiaplus and cis-legislation
  // pages on the joint training of military personnel, the Permanent Council and a CSTO academy, in
  // my own words (a date under a headline, a working group in lower case under a council written
  // "Defense", a role before a name, a national academy; an outlet between slashes before a date
  // and a time with its zone, "CSTO Deputy General Secretary", "The Permanent Council, made up of
  // …, coordinates …", a founding year and a renaming in the background; a dateline with the
  // country, an abbreviated month and the agency in brackets, a rector's role in lower case, "The
  // CSTO, which evolved from the … Treaty signed in 1992, comprises six members:"); labelled before
  // its first run and held out until then. Its first run (at its labels' commit): all P 96.7% R
  // 96.7% (29 of 30); bodies 9 of 9; people 2/3, states 10/10, organisations 8/8; no trap hit; right
  // catalog entity 28/28; dates 1/3 (the outlet between slashes before the date, and "YEREVAN,
  // Armenia, Nov. 29, 2033 (Xinhua) --", not read: both called undated, nothing misdated);
  // definitions 3/3, none misleading. Missed: "said Nver Torosyan, rector of …" (a role the
  // lower-case roles lack). Those misses changed two rules since (1c376af): tuned.
  { name: 'real-text names, fifty-ninth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext59'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext59'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Sixtieth: written on 2026-12-06, after the rule change before it (1c376af), from stored RT,
  // sputnikglobe, inforos, timesca and panorama pages on operation Mercenary, in my own words (a
  // day, an abbreviated month, a comma, the year and the time on one line, the operation's name in
  // single quotes, a president's title before his name twice, "The CSTO, formed in the early 2000s,
  // brings together …"; an agency in brackets after the place and no date, a deputy secretary
  // general in lower case, a surname alone after "According to", "the CIS Antiterrorism Center"
  // spelt so; a dd.mm.yyyy line, "Operation Mercenary, a counter-terrorist operation aimed at …",
  // years in the background); labelled before its first run and never tuned on (the rule change
  // after it, from the sixty-first set, moved none of its figures). Its
  // first run (at its labels' commit): all P 96.7% R 100% (29 of 29, 30 found); bodies, operations
  // and exercises 4 of 4; people 5/5, states 8/8, organisations 12/12; no trap hit; right catalog
  // entity 27/27; dates 3/3 (the undated one said so); definitions 2/2, none misleading. The one
  // false find was an error of the labels, corrected then and nothing else: the headline's "Putin"
  // before his full name, which the earlier sets label (the fortieth's "Volodin"): P 100% R 100%.
  { name: 'held-out real text, sixtieth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext60'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext60'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Sixty-first: written on 2026-12-06, after the rule change before it (1c376af), from stored
  // ealegislation, kkc.odkb-csto, TASS, atom.belta and belarus24 pages on the information security
  // programme and the computer incident centre, in my own words (a decision's title in capitals, a
  // legal date line, "the Council of collective security" and "the Committee of secretaries of the
  // Security Councils" in a translation's lower case, a programme named in capitals, "(further -
  // the Programme)", the Secretariat named in full; a date under a headline above a yearless
  // dateline, a national security council's deputy secretary after a comma, a centre named in full
  // "of the CSTO" and defined by "was set up in 2014 to", "The centre is a subsidiary body …");
  // labelled before its first run and held out until then. Its first run (at its labels'
  // commit): all P 87.5% R 82.4% (14 of 17); bodies 5 of 6; people 0/2, states 2/2, organisations
  // 7/7; no trap hit; right catalog entity 13/13; dates 2/2; definitions 1/2 as scored. That
  // definition row was an error of the expectation, corrected then and nothing else: the card
  // quotes "The centre is a subsidiary body of the Organization and reports to …", which defines
  // the centre as much as the sentence expected; the expectation now names both (2/2). Missed: "the
  // Committee of secretaries of the Security Councils" in a translation's lower case, the person
  // before ", Deputy Secretary of Russia's Security Council" (a title the list lacks), and "one
  // original copy in Russian" (the language) was taken for Russia. The last two changed two rules
  // since: tuned.
  { name: 'real-text names, sixty-first set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext61'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext61'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Sixty-second: written on 2026-12-06, after the session's last rule change (the language after
  // "in"), from the stored odkb-csto page on the UN Security Council debate and the BelTA pages
  // read this session, in my own words (a dd.mm.yyyy line, a debate's title in quotes naming three
  // organisations, the UN Security Council with and without "United Nations", a presidency's
  // nationality; a dateline with the agency in brackets, a chairmanship, "the CSTO Collective
  // Forces", "published in Russian and Belarusian"); labelled before its first run, held out:
  // never to change a rule. Its first run (its second document's labels written after the first
  // document was scored, before its own names were): all P 100% R 100% (25 of 25); bodies 2/2;
  // people 2/2, states 5/5, organisations 16/16; no trap hit ("in Russian and Belarusian" took no
  // state); right catalog entity 23/23; dates 2/2; definitions 2/2.
  { name: 'held-out real text, sixty-second set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext62'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext62'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-second: written on 2026-12-06 after the session's last rule change (a0789ec), from stored
  // Jamestown, Eurasianet-style, radar.am, EADaily and armenianclub pages (an analysis without a
  // date whose citations carry dates, an em dash before what a body is, "General" before a name and
  // "a former chief of …" after it, a surname's possessive, another union's Supreme Council, the
  // Council's initials written "(CSTO)", a dateline with its year and the agency after it, a
  // spokeswoman's title after a ministry, "Formed in 2002, the CSTO brings together …", a state's
  // possessive before a lower-case noun, a Telegram channel's name); labelled before its first run,
  // never to be used to change a rule. Its first run (at its labels' commit): all P 100% R 92.6%
  // (25 of 27) with one trap hit, which was a labelling error corrected then and nothing else (the
  // trap "General Staff of the Kyrgyz Armed Forces" held "Kyrgyz", labelled as the state it is; the
  // trap is now "General Staff"): no trap hit. Missed: "General Aidar Kasymov, a former chief of the
  // General Staff …" and his surname's possessive later; dates 2/2; definitions 2/2. That miss then
  // changed a rule (a former role, "chief" and "head" after a comma), so it is tuned since: 27/27.
  { name: 'real-text names, thirty-second set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext32'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext32'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirty-first: written on 2026-12-06 after the session's last rule change (ed78f31), from stored
  // Asia-Plus, el.kz, primeminister.am and odkb-csto.org pages (a definition after "In accordance
  // with Article 13 of the CSTO Charter", "Created in 1992" before a definition, a yearless
  // dateline, an "Acting President" title, ICMEC without its hyphen, a programme and a charter of the
  // CSTO, the CSC by its initials and as "the Council", a date line under the headline, the Crisis
  // Response Center defined behind an aside); labelled before its first run, never to be used to
  // change a rule. Its first run (at b3dcd12, its labels' commit): 35/35 (P 100% R 100%), no trap
  // hit; dates 2/2; definitions 4/4, none misleading. One rule refinement came after it, not from
  // it (a0789ec: a body's own possessive, "the Collective Security Council's", is no other
  // owner's); it moved none of its figures nor any other set's.
  { name: 'held-out real text, thirty-first set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext31'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext31'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Thirtieth: written on 2026-12-06 after the session's last rule change (059ee9a), from stored
  // TASS, RIA Novosti, news.am, duma.gov.ru, pacsto.org, PanARMENIAN and topwar pages (a surname
  // in a headline before the full name, a speaker's title with a gloss in brackets, the CSTO PA
  // Council, the Assembly under the organisation's full name, lower-case roles before a comma and a
  // name, national parliaments, another union's assembly, a transliterated exercise with its
  // translation in brackets, the Joint Staff as "the Allied Staff", a hyphenated rank, a
  // participle opening a definition); labelled before its first run, never to be used to change a
  // rule. Its first run (at 6c55498, its labels' commit): all P 87.9% R 90.6% (29 right of 33 found,
  // 32 labelled), one trap hit ("the Union State's Parliamentary Assembly" carded as the CSTO's);
  // bodies 4/5 ("the Allied Staff of the CSTO" discovered as a body of its own), people 6/8 (a role
  // in lower case, a comma, then the name: "the chairman of the Kyrgyz Zhogorku Kenesh, Nurlanbek
  // Shakiev,"), the transliterated exercise and its bracketed translation as two entities, the
  // CSTO inside the Assembly's and the Staff's full names found apart (labelled as one name);
  // dates 2/2; definitions 3/3. Those misses then changed rules and the catalog (2026.12.6: "Allied
  // Staff of the CSTO"), so it is tuned since: P 97.0% R 100%, no trap hit.
  { name: 'real-text names, thirtieth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext30'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext30'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Twenty-ninth: written on 2026-12-06 after the session's last rule change (0fffc42), from stored
  // TASS, 24.kg, mvd.ru, Asia-Plus, ksopn.odkb-csto.org and CARICC pages (a stage of operation
  // Channel the catalog lacks, with a dash, in quotes; an operation's International Coordination
  // Headquarters and its initials; UN and regional drug bodies by "Full Name (ABBR)"; a role in
  // lower case after "said"; "Telegram channel" and "smuggling channels"; "US" in a headline; a
  // yearless dateline; "since 2003" as background); labelled before its first run, never to be
  // used to change a rule. Its first run (at 7ae45b9, its labels' commit): all P 100% R 82.1% (23 of
  // 28), no trap hit; bodies 0/3 (the International Coordination Headquarters, of the operation
  // rather than the CSTO, and its initials ICH twice), people 2/3 (a role in lower case after
  // "said": "said Mikhail Sidorenko, the head of the ICH"), states 5/6 ("US" in a headline),
  // operations 5/5, organisations 11/11; dates 2/2; definitions 1/1, none misleading. Its misses
  // then changed rules (a body before its initials and "of the operation"; a name and a lower-case
  // role after "said"; a state's press initials "US", "UK", "UAE"), so it is tuned since: R 100%.
  { name: 'real-text names, twenty-ninth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext29'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext29'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Twenty-eighth: written on 2026-12-06 after the session's last rule change (085c83d), from stored
  // odkb-csto.org, ksbnm.odkb-csto.org, Asia-Plus and TASS pages and a reprint of a summit report
  // (an operation's International Headquarters, the operation in quotes, in another
  // transliteration with a spaced hyphen before its year, and in single quotes; a catalog council
  // written out at length; a rank "of Police" before a name and a state ministry's "Main
  // Department" after it; CIS bodies as observers; a release dated under its headline whose lead
  // names the day before; a yearless dateline; a title in lower case after a nationality; a
  // surname alone in a headline; the 1992 treaty beside the organisation); labelled before its
  // first run, never to be used to change a rule. Its first run (at afcdbfa, its labels' commit):
  // all P 92.3% R 97.3% (36 right of 39 found, 37 labelled) with one trap hit; people 6/8 found
  // right (the end of a catalog council's name before a rank, "… on Combating Illegal Migration,
  // Major General of Police Irina Volkova", taken as a person, whose last word then took the
  // ministry's "Main Department for Migration"; the rank's "Police" kept in her name); organisations
  // 8/9 (a CIS council by its name alone); dates 2/2; definitions 4/4, none misleading. Those
  // misses then changed rules, so it is tuned since: P 97.3% R 97.3%, no trap hit.
  { name: 'real-text names, twenty-eighth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext28'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext28'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Twenty-seventh: written on 2026-12-06 after the session's rule change e1eb171, from stored TASS,
  // Kazinform, Khovar and odkb-csto.org pages (a code name in another transliteration with its
  // year, "Kobalt" alone in a headline, the CRRF under another name in the singular, a rank before
  // a name and a role after it, a role in lower case after a nationality, a publication stamp over
  // a dateline without a year, a release dated under its headline, "under the code name", a
  // working group under a council, a department of the Secretariat after a "Head of" role,
  // organisations by their abbreviations alone, adjectives of two states joined by a hyphen);
  // labelled before its first run, never to be used to change a rule. Its first run (at 1daf03e, its
  // labels' commit): all P 98.0% R 89.1%, no trap hit; dates 3/3; definitions 4/5. Two labelling
  // errors were corrected then and nothing else: "Samat Ordabayev" is the catalog's Samat Ordabaev
  // (labelled with the text's spelling as the entity), and the note asked for "Cobalt" alone, a
  // common word in a note, where the other sets write "the Cobalt exercise". Corrected: all P 100%
  // R 90.9% (50 of 55); bodies 11/13 ("the Collective Rapid Reaction Forces (CRRF) of the CSTO"
  // read as one mention of the CRRF, labelled as three; a Secretariat department after a "Head
  // of" role), people 4/5 (a role in lower case after a nationality: "Anatoly Seryshev, Russian
  // presidential envoy"), organisations 15/17 (the same CSTO; the ICRC by its abbreviation
  // alone); dates 3/3; definitions 5/5, none misleading. Two of its misses then changed rules (a
  // capitalised state's adjective before a lower-case role; "Department" as a body's head noun),
  // so it is tuned since: R 94.5%.
  { name: 'real-text names, twenty-seventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext27'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext27'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  { name: 'held-out real text, twenty-sixth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext26'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-realtext26'), targets: { recall: 0.9, precision: 0.95, maxTrapHits: 0 }, kinds: KINDS },
  // Russian sources and English texts that transliterate (issue 26). Tuned: written with the rules of
  // the Russian commits (2a6ee76 to 91277f2) and run while they were made.
  { name: 'Russian (tuned)', documents: join(REPO_ROOT, 'test', 'eval', 'russian'), labels: join(REPO_ROOT, 'test', 'eval', 'russian'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 0 } },
  // Held-out: written at commit 91277f2 (2026-12-06), after the last Russian rule change, never used to change a rule.
  { name: 'held-out Russian', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a second Russian set, written on 2026-12-06 after the last rule change (baa0c01), from
  // forms studied in stored Russian pages of Sputnik (news.mail.ru, tj.sputniknews.ru), vb.kg, 24.kg
  // and RIA Novosti (a yearless dateline with a dash and the agency, code names in the prepositional
  // and genitive with their year, "войск (Коллективных сил)", the CRRF in the instrumental and by
  // its abbreviation before "ОДКБ", the Joint Staff in lower case, a headline's "коллективных сил",
  // another alliance's exercise, code names in brackets after what the formation does, "Наемник"
  // with е for ё, a page's date and time over a yearless dateline, ordinary "взаимодействие",
  // "эшелон" and "Канал"); labelled before its first run, never to be used to change a rule. Its
  // first run (at ff52963, its labels' commit): all P 100% R 82.4% (28 of 34), no trap hit; bodies 8/13
  // (the Collective Forces without "ОДКБ" after them: "коллективных сил" in two headlines,
  // "Коллективные силы" in a third, "войск (Коллективных сил) ОДКБ"; the CRRF as "силами
  // оперативного реагирования" without "коллективными"), operations 2/2, exercises 18/19 (another
  // alliance's "Запад-2027" not found); dates 3/3; definitions 2/2 (none in the corpus, said so).
  // Its misses then changed the catalog (the Collective Forces' Russian name without "ОДКБ", as
  // the English one is), so it is tuned since: all P 100% R 94.1%.
  { name: 'Russian, second set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian2'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian2'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a third Russian set, written on 2026-12-06 after the last change to the rules and the
  // catalog (the Collective Forces' bare Russian name), from forms studied in stored Russian pages
  // of TASS, Kazakhstan Today (samal-akparat), Kazinform, BAQ.kz, El.kz and ЦАМТО (vpk.name) (the
  // bodies of the CSTO's joint meetings in the genitive, one in lower case, an abbreviation in
  // brackets between a body's name and "ОДКБ" and alone after "Декларации", a state's own security
  // council, "регионах коллективной безопасности", an agency's name as the dateline, a Russian date
  // and time under a headline, a dash definition, "является", a Telegram channel); labelled before
  // its first run, never to be used to change a rule. Its first run (at 36f09ff, its labels' commit):
  // names 11/11, no trap hit; dates 3/3; definitions 3/5 (the Russian dash that stands for "is",
  // and "была создана в 2002 году и является", were not read as defining), none misleading. Those
  // two then changed rules, so it is tuned since: definitions 5/5.
  { name: 'Russian, third set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian3'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian3'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a fourth Russian set, written on 2026-12-06 after the last rule change (the Russian
  // definitions), from forms studied in stored Russian pages of vb.kg, МИР 24, Regnum, News
  // Armenia, Info Orda (Zakon.kz), Евразэс news and Caliber (a stage of Channel with a dash, the
  // UNODC and a CIS council as observers, an operation's international coordination headquarters,
  // "каналов поставок", a page's "dd-mm-yyyy hh:mm:ss" stamp, a time over a date with the month
  // capitalised, a catalog council in the genitive with its Russian abbreviation, a dash
  // definition of that abbreviation, "Совет Парламентской ассамблеи ОДКБ", "ПА ОДКБ", "является",
  // the Union State's parliamentary assembly); labelled before its first run, never to be used to
  // change a rule. Its first run (at 1a9dbd2, its labels' commit): all P 100% R 85.7% (12 of 14), no
  // trap hit; bodies 8/9 (the operation's "Международный координационный штаб": bodies the catalog
  // lacks are not discovered in Russian), operations 3/4 (the stage «Канал – Восточный щит»: stages
  // are not found in Russian), exercises 1/1; dates 2/3 (a "03-10-2027 11:42:05" stamp left
  // undated, not misdated); definitions 5/5, none misleading. Its missed stage then led to a rule
  // (Russian code names in quotes after a kind word in any case), so it is tuned since: all P 100%
  // R 92.9%; the second set's "Запад-2027" was found with it.
  { name: 'Russian, fourth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian4'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian4'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a fifth Russian set, written on 2026-12-06 after the last rule change (the twenty-fourth
  // set's rules and "Border" for Rubezh), from forms studied in stored Russian pages of Вестник
  // Кавказа, newshay, news.by, imruz.tj, Инфорос, marsrus and CyberLeninka (a code name with a spaced
  // dash before its year, the Peacekeeping Forces without "Коллективные" and in the instrumental, a
  // joint RChBZ formation in lower case, "Объединенный военный штаб", a state's general staff, a
  // date glued to "г." opening the text, a date with "/ time", "Обновлено:", a participle
  // "являясь" before what the CSTO does, a dash definition with "это", bodies in lower case, a
  // generic peacekeeping operation); labelled before its first run, never to be used to change a rule.
  // Its first run (at ea8a372, its labels' commit): all P 100% R 85.7% (12 of 14), no trap hit; bodies
  // 8/10 (the joint RChBZ formation, which the catalog lacks; "Объединенный военный штаб ОДКБ"),
  // exercises 4/4; dates 0/3, none misdated ("19 октября 2027 / 10:40", "21.10.2027г." opening the
  // text and "Обновлено: 04.07.2027" left undated); definitions 3/5, none misleading ("являясь"
  // before what the CSTO does; "— это" after the Peacekeeping Forces' name with "ОДКБ"). Its dates
  // and definitions then changed rules, so it is tuned since: dates 3/3, definitions 5/5 (names
  // unchanged, 12 of 14).
  { name: 'Russian, fifth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian5'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian5'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a sixth Russian set, written on 2026-12-06 after the last rule change of the day, from
  // forms studied in stored Russian pages of Вестник Кавказа and newshay (a weekday and a day with no
  // year, two code names each with the forces it trains, "Объединенного штаба и Секретариата ОДКБ",
  // the Peacekeeping Forces and the Rapid Deployment Forces in lower case, a Russian military
  // district, a generic peacekeeping operation); labelled before its first run, never to be used to
  // change a rule. Its first run (at d257d9e, its labels' commit): all 8/8, no trap hit; dates 2/2 (both
  // undated, said so); definitions 3/3, none misleading.
  // A rule change after its run, for Russian code names after a kind word, moved none of its figures.
  { name: 'held-out Russian, sixth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian6'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian6'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a seventh Russian set, written on 2026-12-06 after the day's last rule change (Russian
  // code names after a kind word), from forms studied in stored Russian pages of RIA Novosti, vb.kg,
  // Евразэс news, Regnum and Caliber (a stage of Channel whose second word is a common code name,
  // a yearless dateline, a body in the prepositional, a catalog council in full, "каналов связи",
  // a date line, a national staff training named like a stage of Thunder, a dash definition with
  // "это"); labelled before its first run, never to be used to change a rule. Its first run (at
  // ae1ce39, its labels' commit): all P 88.9% R 100% (8 of 8, one found beyond them), one trap hit (the
  // national «Гром-Полигон» training, quoted after "тренировку", discovered as an exercise); dates
  // 2/2; definitions 2/2, none misleading.
  // Its trap then changed a rule (059ee9a: a stage only of a series the catalog gives stages), so
  // it is tuned since; the eval still counts the trap as hit, as any card on those words is.
  { name: 'Russian, seventh set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian7'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian7'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: an eighth Russian set, written on 2026-12-06 after the session's last rule change
  // (059ee9a), from forms studied in stored Russian pages of vb.kg, МИР 24, slovo.kg, Caliber,
  // Regnum and Zakon.kz (a stage of Channel whose second word is a catalog exercise's Russian name
  // in lower case, an operation's coordination headquarters, a catalog council in the genitive with
  // its initials, "Telegram-канале", a Thunder edition in Russian, a training ground in quotes, a
  // dash definition with "это", a date line under the headline); labelled before its first run,
  // never to be used to change a rule. Its first run (at 6c55498): P 100% R 90.9% (the
  // coordination headquarters not found), no trap hit; dates 2/2; definitions 2/3 (the dash
  // definition of «Гром», a four-letter name after "Учение", not claimed). Both then changed rules,
  // so it is tuned since: 11/11, definitions 3/3.
  { name: 'Russian, eighth set (tuned after one held-out run)', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian8'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian8'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out: a ninth Russian set, written on 2026-12-06 after the session's last rule change
  // (ed78f31), from forms studied in stored Russian pages of the CSTO, TASS and Kazakh outlets (the
  // Committee of Secretaries of Security Councils in the genitive and the nominative, a member
  // state's own security council, two operations in quotes, one with its year, an Interaction
  // edition, a dash definition with "это" and an en dash, "Опубликовано:" with a time, the
  // Peacekeeping Forces in the instrumental, the Joint Staff with "ё", a training ground and a
  // national contingent); labelled before its first run, never to be used to change a rule. Its
  // first run (at b3dcd12): 9/9, no trap hit; dates 2/2; definitions 2/2. The rule changes after it
  // (a0789ec, a9580ad) were for English text and moved none of its figures.
  { name: 'held-out Russian, ninth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian9'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian9'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
  // Held-out, written on 2026-12-07 at 3be0ce8 (no rule has changed since a9580ad) and labelled
  // before its first run, never to be used to change a rule: a Sputnik-style Russian wire with an
  // abbreviated month in its dateline, code names in straight quotes, a body's name in lower case,
  // "Войск (Коллективных сил)", a dash definition opened by «Эшелон», a spaced dash before a year,
  // and "Поиск" opening a sentence as an ordinary word; an English wire whose code names are
  // transliterated (BGN "Vzaimodeistviye", press "Vzaimodeystviye", "Nerushimoye Bratstvo", a year
  // after a space) with a bracketed translation. Forms studied in stored pages of Sputnik (via
  // news.mail.ru), Interfax, news.by, vb.kg, vz.ru, Kazinform and TASS. First run: names 22 of 23
  // found right (P 95.7% R 100%), no trap hit, dates 2/2, definitions 1/2. Two errors of mine
  // corrected after it, no rule changed: the English wire's lower-case "the rapid reaction forces"
  // is the CRRF, found rightly but not labelled (now 23/23); the Echelon card's hover position was
  // not in the note ("Echelon" alone there), so it was never asked (now 2/2).
  { name: 'held-out Russian, tenth set', documents: join(REPO_ROOT, 'test', 'eval', 'heldout-russian10'), labels: join(REPO_ROOT, 'test', 'eval', 'heldout-russian10'), targets: { recall: 0.95, precision: 0.98, maxTrapHits: 1 } },
];

/** The span of the n-th occurrence (1-based) of `text` in `document`. */
function locate(document: string, text: string, occurrence: number, where: string): Span {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = document.indexOf(text, at + 1);
    if (at < 0) throw new Error(`${where}: occurrence ${occurrence} of "${text}" not found`);
  }
  return { start: at, end: at + text.length };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

interface Counts {
  gold: number;
  predicted: number;
  truePositives: number;
}

interface SetResult {
  name: string;
  documents: number;
  /** Found mentions whose labelled entity is in the catalog: how many were resolved to it. */
  catalog: { mentions: number; resolved: number; failures: string[] };
  perKind: Record<Kind, Counts>;
  alias: { pairs: number; resolved: number; failures: string[] };
  merges: string[];
  trapHits: string[];
  misses: string[];
  falsePositives: string[];
  /** For a Russian set: its labels by phenomenon. */
  phenomena?: PhenomenonCounts;
}

const bundledEntities = catalogEntities(REPO_ROOT);
/** Catalog entities by lower-case canonical name, for the phenomena of the Russian sets. */
const entitiesByName = catalogByName(bundledEntities);

/** Catalog entity ids by lower-case canonical name and alias, to check that a label's entity was the one found. */
const catalogIds = new Map<string, string>();
for (const entity of bundledEntities) {
  for (const name of [entity.name, ...(entity.aliases ?? [])]) if (!catalogIds.has(name.toLowerCase())) catalogIds.set(name.toLowerCase(), entity.id);
}

async function evaluateSet(set: LabelledSet): Promise<SetResult> {
  const labelled = readdirSync(set.labels).filter((f) => f.endsWith('.labels.json')).sort();
  const root = makeWorkspace({}, { seed: !!set.notes });
  if (!set.notes) mkdirSync(join(root, 'corpus'));
  const folder = set.notes ? 'notes' : 'corpus';
  mkdirSync(join(root, folder), { recursive: true });
  const documentOf = (label: string) => readdirSync(set.documents).find((f) => f.startsWith(label.replace(/\.labels\.json$/, '.')) && !f.endsWith('.json'))!;
  const result: SetResult = {
    name: set.name,
    documents: labelled.length,
    perKind: Object.fromEntries(KINDS.map((k) => [k, { gold: 0, predicted: 0, truePositives: 0 }])) as Record<Kind, Counts>,
    alias: { pairs: 0, resolved: 0, failures: [] },
    catalog: { mentions: 0, resolved: 0, failures: [] },
    merges: [],
    trapHits: [],
    misses: [],
    falsePositives: [],
  };
  if (/Russian/.test(set.name)) result.phenomena = {};
  for (const file of labelled) cpSync(join(set.documents, documentOf(file)), join(root, folder, documentOf(file)));
  const session = await LspSession.start(root);
  try {
    await session.indexed(120000);
    /** For alias resolution: per gold entity, the predicted entity of each distinct name written. */
    const resolutions = new Map<string, Map<string, string>>();
    const goldOfPredicted = new Map<string, Set<string>>();
    for (const file of labelled) {
      const docName = documentOf(file);
      const text = readFileSync(join(root, folder, docName), 'utf8');
      // A note is read as the editor has it open.
      if (set.notes) await session.open(`${folder}/${docName}`, text);
      const labels = JSON.parse(readFileSync(join(set.labels, file), 'utf8')) as LabelFile;
      const gold: Gold[] = labels.mentions.map((m) => ({ ...locate(text, m.text, m.occurrence, docName), kind: m.kind, entity: m.entity, text: m.text }));
      const traps = (labels.traps ?? []).map((t) => ({ ...locate(text, t.text, t.occurrence, docName), text: t.text, note: t.note ?? '' }));
      const lines = LineTable.of(text);
      const answer: DocumentMention[] = await session.connection.sendRequest(DocumentMentionsRequest, { textDocument: { uri: session.uri(`${folder}/${docName}`) } });
      const predicted: Predicted[] = answer
        .map((m) => ({ start: lines.offsetAt(m.range.start), end: lines.offsetAt(m.range.end), kind: m.kind, entityId: m.entityId, name: m.name, discovered: m.discovered }))
        .filter((p) => ((set.kinds ?? CORE) as readonly string[]).includes(p.kind));
      const used = new Set<Predicted>();
      /** Found where a label is, but not as what it is: a miss and a false find. */
      const wrong = new Set<Predicted>();
      for (const g of gold) {
        result.perKind[g.kind].gold++;
        // Of the names found across a label, the one of its kind ("CSTO" and "Joint Peace Keeping
        // Force" across "CSTO Joint Peace Keeping Force"), else the first.
        const across = predicted.filter((p) => !used.has(p) && overlaps(p, g));
        const match = across.find((p) => p.kind === g.kind) ?? across[0];
        const expected = catalogIds.get(g.entity.toLowerCase());
        if (match && match.kind === g.kind && expected) {
          result.catalog.mentions++;
          if (match.entityId === expected) result.catalog.resolved++;
          else result.catalog.failures.push(`${docName}: "${g.text}" is ${expected} but was taken as ${match.entityId}`);
        }
        // The right span and kind but another entity is a miss (and a false find), not a hit: a card
        // of the wrong entity is wrong. An entity the catalog lacks may be found as a discovered one.
        const rightEntity = !!match && (expected ? match.entityId === expected : match.discovered || normaliseName(match.name) === normaliseName(g.entity));
        if (result.phenomena) countPhenomenon(result.phenomena, phenomenonOf(g.text, entitiesByName.get(g.entity.toLowerCase())), !!match && match.kind === g.kind && rightEntity);
        if (match && match.kind === g.kind && rightEntity) {
          used.add(match);
          result.perKind[g.kind].truePositives++;
          const names = resolutions.get(g.entity) ?? new Map<string, string>();
          names.set(normaliseName(g.text), match.entityId);
          resolutions.set(g.entity, names);
          const golds = goldOfPredicted.get(match.entityId) ?? new Set<string>();
          golds.add(g.entity);
          goldOfPredicted.set(match.entityId, golds);
        } else {
          if (match) wrong.add(match);
          result.misses.push(`${docName}: "${g.text}" (${g.kind}, ${g.entity})${match ? ` taken as ${match.kind} ${match.name}` : ''}`);
        }
      }
      for (const p of predicted) {
        result.perKind[p.kind as Kind].predicted++;
        if (wrong.has(p)) result.falsePositives.push(`${docName}: "${text.slice(p.start, p.end)}" as ${p.kind} ${p.name}${p.discovered ? ' (discovered)' : ''}: the wrong entity or kind`);
        else if (!used.has(p) && !gold.some((g) => overlaps(g, p))) {
          result.falsePositives.push(`${docName}: "${text.slice(p.start, p.end)}" as ${p.kind} ${p.name}${p.discovered ? ' (discovered)' : ''} — …${text.slice(Math.max(0, p.start - 30), p.end + 30).replace(/\s+/g, ' ')}…`);
        }
      }
      // A trap is sprung when any mention found overlaps it: a name in a non-CSTO or ordinary
      // sense taken for a CSTO body, operation or exercise, or anything else found inside its words
      // ("UN Secretariat" recognised as the UN's is not labelled a trap).
      for (const p of predicted) {
        const trap = traps.find((t) => overlaps(t, p));
        if (trap) result.trapHits.push(`${docName}: "${trap.text}" taken as ${p.kind} ${p.name} (${trap.note})`);
      }
      if (result.phenomena) for (const t of traps) countPhenomenon(result.phenomena, trapPhenomenon(t.text), !predicted.some((p) => overlaps(t, p)));
    }
    for (const [entity, names] of resolutions) {
      const list = [...names];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          result.alias.pairs++;
          if (list[i][1] === list[j][1]) result.alias.resolved++;
          else result.alias.failures.push(`${entity}: "${list[i][0]}" → ${list[i][1]} but "${list[j][0]}" → ${list[j][1]}`);
        }
      }
    }
    for (const [entityId, golds] of goldOfPredicted) if (golds.size > 1) result.merges.push(`${entityId} stands for ${[...golds].join(' and ')}`);
  } finally {
    await session.stop();
    removeWorkspace(root);
  }
  return result;
}

/** Names compared without case, quotes, year or hyphen/space differences. */
function normaliseName(text: string): string {
  return text.toLowerCase().replace(/["“”«»']/g, '').replace(/[\s\-\u2010-\u2014]*\b(19|20)\d\d$/, '').replace(/[\s\-\u2010-\u2014]+/g, ' ').trim();
}

const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');

function report(result: SetResult, set: LabelledSet): boolean {
  const lines: string[] = [];
  lines.push(`\n${result.name} (${result.documents} documents)`);
  lines.push('  kind        gold  found  correct  precision  recall');
  const total = { gold: 0, predicted: 0, truePositives: 0 };
  for (const kind of set.kinds ?? CORE) {
    const c = result.perKind[kind];
    total.gold += c.gold;
    total.predicted += c.predicted;
    total.truePositives += c.truePositives;
    lines.push(`  ${kind.padEnd(10)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(6)} ${String(c.truePositives).padStart(8)} ${percent(c.truePositives / c.predicted).padStart(10)} ${percent(c.truePositives / c.gold).padStart(7)}`);
  }
  const precision = total.truePositives / total.predicted;
  const recall = total.truePositives / total.gold;
  const aliasAccuracy = result.alias.pairs ? result.alias.resolved / result.alias.pairs : 1;
  lines.push(`  ${'all'.padEnd(10)} ${String(total.gold).padStart(5)} ${String(total.predicted).padStart(6)} ${String(total.truePositives).padStart(8)} ${percent(precision).padStart(10)} ${percent(recall).padStart(7)}`);
  lines.push(`  alias resolution: ${result.alias.resolved}/${result.alias.pairs} name pairs resolve to one entity (${percent(aliasAccuracy)}); ${result.merges.length} merge(s) of distinct entities`);
  lines.push(`  resolved to the right catalog entity: ${result.catalog.resolved}/${result.catalog.mentions} found mentions of catalog entities (${percent(result.catalog.resolved / result.catalog.mentions)})`);
  lines.push(`  trap false positives: ${result.trapHits.length}`);
  const checks: [string, boolean][] = [[`recall ≥ ${percent(set.targets.recall)}`, recall >= set.targets.recall]];
  if (set.targets.precision !== undefined) checks.push([`precision ≥ ${percent(set.targets.precision)}`, precision >= set.targets.precision]);
  if (set.targets.aliasAccuracy !== undefined) checks.push([`alias resolution ≥ ${percent(set.targets.aliasAccuracy)}`, aliasAccuracy >= set.targets.aliasAccuracy]);
  if (set.targets.maxTrapHits !== undefined) checks.push([`trap false positives ≤ ${set.targets.maxTrapHits}`, result.trapHits.length <= set.targets.maxTrapHits]);
  const rightEntity = result.catalog.mentions ? result.catalog.resolved / result.catalog.mentions : 1;
  checks.push([`right catalog entity ≥ ${percent(set.targets.rightEntity ?? 0.98)}`, rightEntity >= (set.targets.rightEntity ?? 0.98)]);
  lines.push(`  targets: ${checks.map(([what, ok]) => `${ok ? 'met' : 'MISSED'}: ${what}`).join('; ')}`);
  const detail = (title: string, items: string[]) => {
    if (items.length) lines.push(`  ${title}:`, ...items.slice(0, 40).map((i) => `    - ${i}`), ...(items.length > 40 ? [`    … and ${items.length - 40} more`] : []));
  };
  detail('missed', result.misses);
  detail('false positives', result.falsePositives);
  detail('trap hits', result.trapHits);
  detail('alias failures', result.alias.failures);
  detail('resolved to another entity', result.catalog.failures);
  detail('merged entities', result.merges);
  console.log(lines.join('\n'));
  return checks.every(([, ok]) => ok);
}

interface CountGold {
  counted: Record<string, number>;
  reprinted?: Record<string, number>;
}

/** A workspace whose corpus is the folder's documents and nothing else (no seed corpus). */
function corpusAlone(folder: string): string {
  const root = makeWorkspace({}, { seed: false });
  mkdirSync(join(root, 'corpus'), { recursive: true });
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) cpSync(join(folder, file), join(root, 'corpus', file));
  return root;
}

/**
 * Counting: the documents of a folder indexed together as a corpus, and per entity the counts the
 * views show (each passage once, reprints apart) against the counts a reader makes by hand.
 */
async function evaluateCounts(name: string, folder: string, target: number): Promise<boolean> {
  const gold = JSON.parse(readFileSync(join(folder, 'counts.json'), 'utf8')) as CountGold;
  const root = corpusAlone(folder);
  const session = await LspSession.start(root);
  const rows: { entity: string; gold: [number, number]; found: [number, number] }[] = [];
  try {
    await session.indexed(120000);
    for (const [entity, counted] of Object.entries(gold.counted)) {
      const result = await session.connection.sendRequest(MentionsRequest, { entityId: entity, limit: 1 });
      rows.push({ entity, gold: [counted, gold.reprinted?.[entity] ?? 0], found: [result.counted, result.reprinted] });
    }
  } finally {
    await session.stop();
    removeWorkspace(root);
  }
  const exact = rows.filter((r) => r.gold[0] === r.found[0] && r.gold[1] === r.found[1]);
  const share = exact.length / rows.length;
  console.log(`\n${name} (${readdirSync(folder).filter((f) => f.endsWith('.txt')).length} documents)`);
  console.log(`  entities counted exactly (mentions and reprints): ${exact.length}/${rows.length} (${(share * 100).toFixed(1)}%)`);
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  console.log(`  mentions: gold ${sum((r) => r.gold[0])}, counted ${sum((r) => r.found[0])}; in reprints: gold ${sum((r) => r.gold[1])}, counted ${sum((r) => r.found[1])}`);
  for (const r of rows) if (!exact.includes(r)) console.log(`    - ${r.entity}: gold ${r.gold[0]} (+${r.gold[1]} reprinted), counted ${r.found[0]} (+${r.found[1]})`);
  const met = share >= target;
  console.log(`  target: ${met ? 'met' : 'MISSED'}: exact counts ≥ ${(target * 100).toFixed(1)}%`);
  return met;
}

interface ChronologyGold {
  events: Record<string, { dates: string[]; catalogOnly: number[] }>;
}

/**
 * The chronology: documents alone in a workspace; per entity, the dates of its events (reprints
 * once) and the catalog editions no dated passage mentions, against what a reader would draw.
 */
async function evaluateChronology(name: string, folder: string, target: number): Promise<boolean> {
  const gold = JSON.parse(readFileSync(join(folder, 'chronology.json'), 'utf8')) as ChronologyGold;
  const root = corpusAlone(folder);
  const session = await LspSession.start(root);
  const rows: { entity: string; gold: string; found: string }[] = [];
  try {
    await session.indexed(120000);
    for (const [entity, expected] of Object.entries(gold.events)) {
      const { events } = await session.connection.sendRequest(ChronologyRequest, { entityIds: [entity] });
      const found = { dates: events.filter((e) => !e.catalogOnly).map((e) => e.date), catalogOnly: events.filter((e) => e.catalogOnly).map((e) => Number(e.date)) };
      rows.push({ entity, gold: JSON.stringify(expected), found: JSON.stringify(found) });
    }
  } finally {
    await session.stop();
    removeWorkspace(root);
  }
  const exact = rows.filter((r) => r.gold === r.found);
  const share = exact.length / rows.length;
  const events = (json: string) => (JSON.parse(json) as { dates: string[] }).dates.length;
  console.log(`\n${name} (${readdirSync(folder).filter((f) => f.endsWith('.txt')).length} documents)`);
  console.log(`  entities drawn exactly (dated events and catalog-only editions): ${exact.length}/${rows.length} (${(share * 100).toFixed(1)}%)`);
  console.log(`  dated events: gold ${rows.reduce((n, r) => n + events(r.gold), 0)}, found ${rows.reduce((n, r) => n + events(r.found), 0)}`);
  for (const r of rows) if (!exact.includes(r)) console.log(`    - ${r.entity}: gold ${r.gold}, found ${r.found}`);
  const met = share >= target;
  console.log(`  target: ${met ? 'met' : 'MISSED'}: exact chronologies ≥ ${(target * 100).toFixed(1)}%`);
  return met;
}

interface QuoteExpectations {
  quotations: { starts: string; expected: 'verbatim' | 'misquotation' | 'notFound' }[];
}

/**
 * Quotation checking: a note of quotations (verbatim, with words changed or dropped, invented) read
 * beside the seed corpus; each quotation's diagnostic against what a careful reader calls it.
 */
async function evaluateQuotes(name: string, folder: string, target: number): Promise<boolean> {
  const expectations = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as QuoteExpectations;
  const noteFile = readdirSync(folder).find((f) => f.endsWith('.md'))!;
  const text = readFileSync(join(folder, noteFile), 'utf8');
  // A set with a corpus of its own (the Russian releases) is checked against it, else against the seed corpus.
  const own = join(folder, 'corpus');
  const root = existsSync(own) ? makeWorkspace(Object.fromEntries(readdirSync(own).map((f) => [`corpus/${f}`, readFileSync(join(own, f), 'utf8')])), { seed: false }) : makeWorkspace({});
  const session = await LspSession.start(root);
  const rows: { starts: string; expected: string; found: string }[] = [];
  try {
    await session.indexed(120000);
    const uri = await session.open(`notes/${noteFile}`, text);
    const lines = LineTable.of(text);
    // Every verdict must be seen: a misquotation or a quotation found nowhere by its diagnostic, a
    // verbatim one by the hover that says where it is from. None is assumed from silence.
    const verdicts = new Map<string, string>();
    const deadline = Date.now() + 60000;
    while (verdicts.size < expectations.quotations.length && Date.now() < deadline) {
      const diagnostics = session.diagnostics.get(uri) ?? [];
      for (const { starts } of expectations.quotations) {
        if (verdicts.has(starts)) continue;
        const at = text.indexOf(starts);
        if (at < 0) {
          verdicts.set(starts, 'missing from the note');
          continue;
        }
        // A misquotation points at the words that differ; its fix covers the quotation from its start.
        const quotationStart = (d: (typeof diagnostics)[number]) => lines.offsetAt((d.data as { range?: Range } | undefined)?.range?.start ?? d.range.start);
        const hit = diagnostics.find((d) => d.code !== 'wrong-citation' && quotationStart(d) === at);
        if (hit) verdicts.set(starts, hit.code === 'misquotation' ? 'misquotation' : hit.code === 'quotation-not-found' ? 'notFound' : String(hit.code));
        else if (await saysVerbatim(session, uri, text, at, starts.length)) verdicts.set(starts, 'verbatim');
      }
      if (verdicts.size < expectations.quotations.length) await new Promise((r) => setTimeout(r, 200));
    }
    for (const { starts, expected } of expectations.quotations) rows.push({ starts, expected, found: verdicts.get(starts) ?? 'no verdict within 60 s' });
  } finally {
    await session.stop();
    removeWorkspace(root);
  }
  const right = rows.filter((r) => r.expected === r.found);
  const share = right.length / rows.length;
  console.log(`\n${name} (${rows.length} quotations)`);
  for (const kind of ['verbatim', 'misquotation', 'notFound']) {
    const gold = rows.filter((r) => r.expected === kind);
    console.log(`  ${kind.padEnd(13)} ${gold.filter((r) => r.found === kind).length}/${gold.length} called so`);
  }
  for (const r of rows) if (r.expected !== r.found) console.log(`    - "${r.starts}…": expected ${r.expected}, called ${r.found}`);
  const met = share >= target;
  console.log(`  target: ${met ? 'met' : 'MISSED'}: quotations called right ≥ ${(target * 100).toFixed(1)}% (${(share * 100).toFixed(1)}%)`);
  return met;
}

/** True when hovering a word of the quotation (one that names no entity) says it is quoted verbatim. */
async function saysVerbatim(session: LspSession, uri: string, text: string, at: number, length: number): Promise<boolean> {
  const lines = LineTable.of(text);
  for (const word of text.slice(at, at + length).matchAll(/\p{L}{3,}/gu)) {
    const hover = await session.hover(uri, lines.positionAt(at + word.index + 1));
    const value = (hover?.contents as { value?: string } | undefined)?.value ?? '';
    if (value.startsWith('*Quoted verbatim from*')) return true;
    // A word that names an entity answers with its card: try the next one.
    if (!value.startsWith('**')) return false;
  }
  return false;
}

interface RealTextGold {
  /** Per document: its date as a reader gives it, or "undated". */
  dates: Record<string, string>;
  /**
   * Per name an analyst writes: a fragment of the sentence that defines it, or of each sentence
   * that does where the set has several (for an edition defined only as a series, `series`), or
   * null where no sentence of the set defines it.
   */
  definitions: { name: string; hoverAt?: string; defines: string | string[] | null; series?: boolean }[];
}

/**
 * Real-text phenomena: documents written after the forms real outlets use (datelines with and
 * without a year, publication lines, a date under a headline, background years; definitions by
 * copula, apposition, purpose and dash, list sentences, sentences about another entity or year),
 * indexed alone as a corpus. Scores each document's date in the Documents view, and each card's
 * definition as the hover shows it in a note.
 */
async function evaluateRealText(name: string, folder: string, targets: { dates: number; definitions: number }): Promise<boolean> {
  const gold = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as RealTextGold;
  const root = corpusAlone(folder);
  const session = await LspSession.start(root);
  const dateRows: { file: string; gold: string; found: string }[] = [];
  const definitionRows: { name: string; gold: string; found: string; right: boolean; misleading: boolean }[] = [];
  try {
    await session.indexed(120000);
    const documents = await session.connection.sendRequest(DocumentsRequest, {});
    for (const [file, date] of Object.entries(gold.dates)) {
      const found = documents.find((d) => d.uri.endsWith(`/${file}`));
      dateRows.push({ file, gold: date, found: found ? found.date ?? 'undated' : 'not listed' });
    }
    const note = gold.definitions.map((d) => d.name).join('\n\n') + '\n';
    mkdirSync(join(root, 'notes'), { recursive: true });
    writeFileSync(join(root, 'notes', 'names.md'), note);
    const uri = await session.open('notes/names.md', note);
    const lines = LineTable.of(note);
    let at = 0;
    for (const entry of gold.definitions) {
      const line = note.indexOf(entry.name, at);
      at = line + entry.name.length;
      const target = line + entry.name.indexOf(entry.hoverAt ?? entry.name) + 1;
      const hover = await session.hover(uri, lines.positionAt(target));
      const card = ((hover?.contents as { value?: string } | undefined)?.value ?? '').replace(/\\(?=\S)/g, '');
      const quote = card.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2)).join(' ').replace(/\s+/g, ' ');
      const claims = /^Defined\b/m.test(card);
      const saysSeries = /^Defined[^\n]*\bseries\b/m.test(card);
      let right: boolean;
      if (entry.defines === null) right = !claims;
      else right = claims && (typeof entry.defines === 'string' ? [entry.defines] : entry.defines).some((fragment) => quote.includes(fragment)) && saysSeries === !!entry.series;
      const found = !card ? 'no card' : claims ? `${saysSeries ? 'series: ' : ''}"${quote.slice(0, 90)}"` : 'no definition claimed';
      const expected = entry.defines === null ? 'none in the corpus' : (typeof entry.defines === 'string' ? [entry.defines] : entry.defines).map((f) => `${entry.series ? 'series: ' : ''}"${f}"`).join(' or ');
      definitionRows.push({ name: entry.name, gold: expected, found, right, misleading: claims && !right });
    }
  } finally {
    await session.stop();
    removeWorkspace(root);
  }
  const datesRight = dateRows.filter((r) => r.gold === r.found).length;
  const definitionsRight = definitionRows.filter((r) => r.right).length;
  const misleading = definitionRows.filter((r) => r.misleading).length;
  console.log(`\n${name} (${dateRows.length} documents, ${definitionRows.length} cards)`);
  console.log(`  documents dated right (undated ones said so): ${datesRight}/${dateRows.length} (${percent(datesRight / dateRows.length)})`);
  for (const r of dateRows) if (r.gold !== r.found) console.log(`    - ${r.file}: ${r.gold}, dated ${r.found}`);
  console.log(`  cards quoting the defining sentence, or saying there is none: ${definitionsRight}/${definitionRows.length} (${percent(definitionsRight / definitionRows.length)}); quoting as a definition a sentence that is not its definition: ${misleading}`);
  for (const r of definitionRows) if (!r.right) console.log(`    - ${r.name}: expected ${r.gold}, card ${r.found}`);
  const checks: [string, boolean][] = [
    [`dates right ≥ ${percent(targets.dates)}`, datesRight / dateRows.length >= targets.dates],
    [`definitions right ≥ ${percent(targets.definitions)}`, definitionsRight / definitionRows.length >= targets.definitions],
    ['no card quotes another sentence as its definition', misleading === 0],
  ];
  console.log(`  targets: ${checks.map(([what, ok]) => `${ok ? 'met' : 'MISSED'}: ${what}`).join('; ')}`);
  return checks.every(([, ok]) => ok);
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'server.js'))) throw new Error('build first: npm run build');
  let ok = true;
  const results: SetResult[] = [];
  // `npm run eval -- <words>` runs only the evaluations whose name holds those words.
  const only = process.argv.slice(2).join(' ');
  const wanted = (name: string) => !only || name.includes(only);
  for (const set of SETS.filter((s) => wanted(s.name))) {
    if (!existsSync(set.labels)) {
      console.log(`\n${set.name}: no labels in ${set.labels}`);
      ok = false;
      continue;
    }
    const result = await evaluateSet(set);
    results.push(result);
    ok = report(result, set) && ok;
  }
  // Tuned: written at 813335f (2026-12-04) from the forms studied in real reports (issue 23), and
  // used to change the definition and date rules.
  if (wanted('real-text phenomena (tuned)')) ok = (await evaluateRealText('real-text phenomena (tuned)', join(REPO_ROOT, 'test', 'eval', 'realtext'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written at commit 0ae3747 with the names set above and run once as held-out (dates 2/3,
  // definitions 10/11); both misses then changed a rule ("Title / dd.mm.yyyy", "created in YEAR
  // to"), so it is tuned since.
  if (wanted('real-text dates and definitions, second set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, second set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written at commit d6e126e with the third names set above and run once as held-out (dates 2/3,
  // definitions 6/9); its dates miss then changed a rule, so it is tuned since.
  if (wanted('real-text dates and definitions, third set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, third set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext3'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written at commit a060aff with the fourth names set above and run once as held-out (dates 2/3,
  // definitions 6/7); both misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, fourth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fourth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext4'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written at commit 0739e8c with the fifth names set above and run once as held-out (dates 3/3,
  // definitions 5/7, 2 misleading); its definition misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, fifth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext5'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written at commit a15177a with the sixth names set above and run once as held-out (dates 2/3,
  // definitions 3/5); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, sixth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, sixth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext6'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the seventh names set above and run once as held-out (dates 2/3, definitions
  // 5/9); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, seventh set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, seventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext7'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the eighth names set above and run once as held-out (dates 3/3, definitions
  // 4/7); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, eighth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, eighth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext8'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the ninth names set above and run once as held-out (dates 2/3, definitions 4/6);
  // its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, ninth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, ninth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext9'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the tenth names set above and run once as held-out (dates 3/3, definitions 5/7);
  // its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, tenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, tenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext10'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the eleventh names set above and run once as held-out (dates 3/3, definitions
  // 10/11); its names' misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, eleventh set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, eleventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext11'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twelfth names set above and run once as held-out (dates 2/3, definitions 8/8);
  // its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, twelfth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twelfth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext12'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirteenth names set above and run once as held-out (dates 3/3, definitions
  // 7/7 once its gold was corrected); its names' misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, thirteenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirteenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext13'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fourteenth names set above and run once as held-out (dates 3/3, definitions
  // 2/4); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, fourteenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fourteenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext14'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifteenth names set above and run once as held-out (dates 1/3, definitions
  // 5/5); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, fifteenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifteenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext15'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the sixteenth names set above and run once as held-out (dates 3/3, definitions
  // 3/4); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, sixteenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, sixteenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext16'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the seventeenth names set above and run once as held-out (dates 3/3, definitions
  // 5/6); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, seventeenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, seventeenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext17'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the eighteenth names set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, eighteenth set')) ok = (await evaluateRealText('held-out real text, dates and definitions, eighteenth set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext18'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the nineteenth names set above and run once as held-out (dates 3/3, definitions
  // 5/5); the names set's miss then changed a rule, so it is tuned since.
  if (wanted('real-text dates and definitions, nineteenth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, nineteenth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext19'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twentieth names set above and run once as held-out (dates 1/3, definitions
  // 4/4); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, twentieth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twentieth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext20'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-first names set above and run once as held-out (dates 1/2, definitions
  // 3/3); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, twenty-first set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-first set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext21'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-second names set above and run once as held-out (dates 2/3, definitions
  // 6/6); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, twenty-second set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-second set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext22'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-third names set above and run once as held-out (dates 3/3, definitions
  // 6/7); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, twenty-third set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-third set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext23'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-fourth names set above and run once as held-out (dates 2/3,
  // definitions 4/6); its misses then changed rules, so it is tuned since.
  if (wanted('real-text dates and definitions, twenty-fourth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-fourth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext24'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the second Russian names set above and run once as held-out (dates 3/3,
  // definitions 2/2); its names then changed the catalog, so it is tuned since.
  if (wanted('Russian dates and definitions, second set (tuned after one held-out run)')) ok = (await evaluateRealText('Russian dates and definitions, second set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-russian2'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the third Russian names set above and run once as held-out (dates 3/3,
  // definitions 3/5); its misses then changed rules, so it is tuned since.
  if (wanted('Russian dates and definitions, third set (tuned after one held-out run)')) ok = (await evaluateRealText('Russian dates and definitions, third set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-russian3'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fourth Russian names set above and run once as held-out (dates 2/3,
  // definitions 5/5); its names then changed a rule, so it is tuned since.
  if (wanted('Russian dates and definitions, fourth set (tuned after one held-out run)')) ok = (await evaluateRealText('Russian dates and definitions, fourth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-russian4'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-fifth names set above; run once as held-out; tuned since on its names.
  if (wanted('real-text dates and definitions, twenty-fifth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-fifth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext25'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifth Russian names set above and run once as held-out (dates 0/3,
  // definitions 3/5); its misses then changed rules, so it is tuned since.
  if (wanted('Russian dates and definitions, fifth set (tuned after one held-out run)')) ok = (await evaluateRealText('Russian dates and definitions, fifth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-russian5'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the twenty-sixth names set and the sixth Russian set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, twenty-sixth set')) ok = (await evaluateRealText('held-out real text, dates and definitions, twenty-sixth set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext26'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-seventh names set above; run once as held-out (dates 3/3, definitions
  // 5/5 once the note's request was corrected); tuned since on its names.
  if (wanted('real-text dates and definitions, twenty-seventh set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-seventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext27'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-eighth names set above; run once as held-out (dates 2/2, definitions
  // 4/4); tuned since on its names.
  if (wanted('real-text dates and definitions, twenty-eighth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-eighth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext28'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the twenty-ninth names set above; run once as held-out (dates 2/2, definitions
  // 1/1); tuned since on its names.
  if (wanted('real-text dates and definitions, twenty-ninth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, twenty-ninth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext29'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the thirty-first names set and the ninth Russian set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, thirty-first set')) ok = (await evaluateRealText('held-out real text, dates and definitions, thirty-first set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext31'), { dates: 0.95, definitions: 0.9 })) && ok;
  if (wanted('held-out Russian, dates and definitions, ninth set')) ok = (await evaluateRealText('held-out Russian, dates and definitions, ninth set', join(REPO_ROOT, 'test', 'eval', 'heldout-russian9'), { dates: 0.95, definitions: 0.9 })) && ok;
  if (wanted('held-out Russian, dates and definitions, tenth set')) ok = (await evaluateRealText('held-out Russian, dates and definitions, tenth set', join(REPO_ROOT, 'test', 'eval', 'heldout-russian10'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirty-second names set above; run once as held-out (dates 2/2, definitions
  // 2/2); tuned since on its names.
  if (wanted('real-text dates and definitions, thirty-second set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirty-second set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext32'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the thirty-third names set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, thirty-third set')) ok = (await evaluateRealText('held-out real text, dates and definitions, thirty-third set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext33'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirty-fourth names set above; run once as held-out (dates 2/2, definitions
  // 2/2); tuned since on its names.
  if (wanted('real-text dates and definitions, thirty-fourth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirty-fourth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext34'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirty-fifth names set above; run once as held-out (dates 2/2, definitions
  // 4/5); tuned since on Barrier-2028's definition.
  if (wanted('real-text dates and definitions, thirty-fifth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirty-fifth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext35'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirty-sixth names set above; run once as held-out (dates 2/2, definitions
  // 1/3, one misleading); tuned since on its definitions.
  if (wanted('real-text dates and definitions, thirty-sixth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirty-sixth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext36'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirty-seventh names set above; run as held-out (definitions 3/4, none
  // misleading); its miss changed a rule since.
  if (wanted('real-text dates and definitions, thirty-seventh set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirty-seventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext37'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirty-eighth names set above; run once as held-out (dates 2/2, definitions
  // 2/4, none misleading); tuned since.
  if (wanted('real-text dates and definitions, thirty-eighth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirty-eighth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext38'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the thirty-ninth names set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, thirty-ninth set')) ok = (await evaluateRealText('held-out real text, dates and definitions, thirty-ninth set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext39'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fortieth names set above; run once as held-out (dates 2/2, definitions 3/3).
  if (wanted('real-text dates and definitions, fortieth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fortieth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext40'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-first names set above; run once as held-out (dates 2/2, definitions 4/4).
  if (wanted('real-text dates and definitions, forty-first set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-first set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext41'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-second names set above; run once as held-out (dates 2/2, definitions 3/3).
  if (wanted('real-text dates and definitions, forty-second set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-second set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext42'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-third names set above; run once as held-out (dates 2/2, definitions 2/3).
  if (wanted('real-text dates and definitions, forty-third set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-third set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext43'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-fourth names set above; run once as held-out (dates 2/2, definitions 1/2).
  if (wanted('real-text dates and definitions, forty-fourth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-fourth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext44'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-fifth names set above; run once as held-out (dates 2/2, definitions 2/2).
  if (wanted('real-text dates and definitions, forty-fifth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-fifth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext45'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-sixth names set above; run once as held-out (dates 2/2, definitions 0/3, 1/3 with its expectation corrected).
  if (wanted('real-text dates and definitions, forty-sixth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-sixth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext46'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-seventh names set above; run once as held-out (dates 2/2, definitions 1/2).
  if (wanted('real-text dates and definitions, forty-seventh set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-seventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext47'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-eighth names set above; run once as held-out (dates 2/2, definitions 1/2).
  if (wanted('real-text dates and definitions, forty-eighth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-eighth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext48'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the forty-ninth names set above; run once as held-out (dates 2/2, definitions 3/5, one misleading).
  if (wanted('real-text dates and definitions, forty-ninth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, forty-ninth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext49'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the fiftieth names set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, fiftieth set')) ok = (await evaluateRealText('held-out real text, dates and definitions, fiftieth set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext50'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-first names set above; run once as held-out (dates 2/2, definitions 5/5).
  if (wanted('real-text dates and definitions, fifty-first set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-first set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext51'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-second names set above; run once as held-out (dates 2/2, definitions 2/3).
  if (wanted('real-text dates and definitions, fifty-second set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-second set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext52'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-third names set above; run once as held-out (dates 2/2, definitions 5/5).
  if (wanted('real-text dates and definitions, fifty-third set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-third set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext53'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-fourth names set above; run once as held-out (dates 2/2, definitions 3/3).
  if (wanted('real-text dates and definitions, fifty-fourth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-fourth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext54'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-fifth names set above; run once as held-out (dates 2/3, definitions 3/4).
  if (wanted('real-text dates and definitions, fifty-fifth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-fifth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext55'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-sixth names set above; run once as held-out (dates 3/3, definitions 4/5).
  if (wanted('real-text dates and definitions, fifty-sixth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-sixth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext56'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-seventh names set above; run once as held-out (dates 2/3, definitions 2/2).
  if (wanted('real-text dates and definitions, fifty-seventh set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-seventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext57'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-eighth names set above; run once as held-out (dates 3/3, definitions 2/3, one misleading).
  if (wanted('real-text dates and definitions, fifty-eighth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-eighth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext58'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the fifty-ninth names set above; run once as held-out (dates 1/3, definitions 3/3).
  if (wanted('real-text dates and definitions, fifty-ninth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, fifty-ninth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext59'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the sixtieth names set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, sixtieth set')) ok = (await evaluateRealText('held-out real text, dates and definitions, sixtieth set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext60'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the sixty-first names set above; run once as held-out (dates 2/2, definitions 1/2 as first scored).
  if (wanted('real-text dates and definitions, sixty-first set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, sixty-first set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext61'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written with the sixty-second names set above, never used to change a rule.
  if (wanted('held-out real text, dates and definitions, sixty-second set')) ok = (await evaluateRealText('held-out real text, dates and definitions, sixty-second set', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext62'), { dates: 0.95, definitions: 0.9 })) && ok;
  if (wanted('held-out Russian, dates and definitions, sixth set')) ok = (await evaluateRealText('held-out Russian, dates and definitions, sixth set', join(REPO_ROOT, 'test', 'eval', 'heldout-russian6'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the seventh Russian names set above; run once as held-out (dates 2/2, definitions
  // 2/2); its names set's trap changed a rule since.
  if (wanted('Russian dates and definitions, seventh set (tuned after one held-out run)')) ok = (await evaluateRealText('Russian dates and definitions, seventh set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-russian7'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Written with the thirtieth names set and the eighth Russian set above; run once as held-out
  // (dates 2/2 and 2/2, definitions 3/3 and 2/3); tuned since.
  if (wanted('real-text dates and definitions, thirtieth set (tuned after one held-out run)')) ok = (await evaluateRealText('real-text dates and definitions, thirtieth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-realtext30'), { dates: 0.95, definitions: 0.9 })) && ok;
  if (wanted('Russian dates and definitions, eighth set (tuned after one held-out run)')) ok = (await evaluateRealText('Russian dates and definitions, eighth set (tuned after one held-out run)', join(REPO_ROOT, 'test', 'eval', 'heldout-russian8'), { dates: 0.95, definitions: 0.9 })) && ok;
  // Held-out: written at commit 5da1831 (2026-11-24), after the counting rules, never used to change
  // one. The chronology set was written at c61c6ca. Rules changed since: 7a03ff2 and 63f90e0.
  if (wanted('held-out counting')) ok = (await evaluateCounts('held-out counting', join(REPO_ROOT, 'test', 'eval', 'heldout-counting'), 0.9)) && ok;
  if (wanted('held-out chronology')) ok = (await evaluateChronology('held-out chronology', join(REPO_ROOT, 'test', 'eval', 'heldout-chronology'), 0.8)) && ok;
  // Held-out: written at commit 9e79778 (2026-11-24), after the quotation rules, never used to change
  // one. Rules changed since: 342a434 (a quotation over 1,000 words is not checked; 500 problems listed).
  if (wanted('held-out quotations')) ok = (await evaluateQuotes('held-out quotations', join(REPO_ROOT, 'test', 'eval', 'heldout-quotes'), 0.8)) && ok;
  // Held-out: Russian quotations in an English note against two Russian releases, written at
  // 16d329e (2026-12-06), after the last change to the quotation rules, never used to change one.
  if (wanted('held-out Russian quotations')) ok = (await evaluateQuotes('held-out Russian quotations', join(REPO_ROOT, 'test', 'eval', 'heldout-quotes-ru'), 0.8)) && ok;
  mkdirSync(join(REPO_ROOT, 'out', 'eval'), { recursive: true });
  for (const line of phenomenaTable(results)) console.log(line);
  writeFileSync(join(REPO_ROOT, 'out', 'eval', 'results.json'), JSON.stringify(results, null, 2));
  console.log('\nDetails written to out/eval/results.json.');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
