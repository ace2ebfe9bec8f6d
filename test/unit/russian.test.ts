import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAllMentions } from '../../server/src/core/analysis/analyseDocument';
import { validateCatalog } from '../../server/src/core/catalog/catalog';
import { startsRussianName } from '../../server/src/core/analysis/nameForms';
import { createLanguageService } from '../../server/src/core/languageService';
import { NameCompleter } from '../../server/src/core/query/nameCompleter';
import { indexFilesHere } from '../../server/src/core/sync/fullIndex';
import { Ingestion } from '../../server/src/core/sync/ingestion';
import { parseDateline } from '../../server/src/core/text/dates';
import { decodeCorpusFile } from '../../server/src/core/text/decode';
import { sentenceAround } from '../../server/src/core/text/sentences';
import { latinSpellings } from '../../server/src/core/text/transliteration';
import { bundledCatalog, bundledKnowledge } from './helpers';
import { InMemoryCorpusHost } from './inMemoryCorpusHost';

const knowledge = bundledKnowledge();
const found = (text: string, mode: 'corpus' | 'note' = 'corpus') =>
  knowledge.matcher.findMentions(text, undefined, mode).map((m) => `${m.entityId}${m.edition ? `@${m.edition}` : ''}=${m.surface}`);

/** The bytes of a text in a single-byte encoding, from that encoding's own decoding table. */
function encode(text: string, label: string): Uint8Array {
  const table = new TextDecoder(label).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...text].map((ch) => {
    const code = table.indexOf(ch);
    if (code < 0) throw new Error(`${ch} is not in ${label}`);
    return code;
  }));
}

// A release in the CSTO's Russian style, written for this test.
const RELEASE = [
  'Учения «Поиск-2024» завершились в Киргизии',
  '',
  'БИШКЕК, 12 сентября 2024 года /ТАСС/. Специальное учение «Поиск-2024» с разведывательными подразделениями Коллективных сил оперативного реагирования ОДКБ завершилось на полигоне под Балыкчи.',
  '',
  'Коллективные силы оперативного реагирования (КСОР) — это основная группировка войск ОДКБ, созданная в 2009 г. для быстрого реагирования на кризисы. Командование КСОРа доложило об итогах.',
  '',
  'Организация основана в 1992 г. Совет коллективной безопасности является высшим органом ОДКБ.',
].join('\n');

describe('Russian sources: reading them', () => {
  it('reads Windows-1251 and KOI8-R files as Russian and names the encoding in a warning', () => {
    // KOI8-R has no guillemets and no dash: the release as a KOI8-R page would write it.
    const plain = RELEASE.replace(/[«»]/g, '"').replace(/—/g, '-');
    for (const [label, name] of [['windows-1251', 'Windows-1251'], ['koi8-r', 'KOI8-R']]) {
      const decoded = decodeCorpusFile(encode(plain, label), 1e6);
      assert.ok(decoded.ok);
      assert.equal(decoded.text, plain, `${name} decodes to the text written`);
      assert.match(decoded.notice ?? '', new RegExp(`read as Russian text in ${name}`));
    }
  });

  it('leaves a Western page that is not UTF-8 to the replacement notice, not to a Cyrillic reading', () => {
    const decoded = decodeCorpusFile(encode('The Collective Security Council met in Paris at the caf\u00e9 on the Champs-\u00c9lys\u00e9es.', 'windows-1252'), 1e6);
    assert.ok(decoded.ok);
    assert.match(decoded.notice ?? '', /is not valid UTF-8/);
  });

  it('dates Russian datelines and publication lines, never a year in a sentence', () => {
    assert.equal(parseDateline('24 апреля 2024 года')?.date, '2024-04-24');
    assert.equal(parseDateline('БИШКЕК, 12 сентября 2024 года /ТАСС/. Учение завершилось')?.date, '2024-09-12');
    assert.equal(parseDateline('Минск, 28 ноября 2022 г. - Заседание')?.date, '2022-11-28');
    assert.equal(parseDateline('Опубликовано: 12.05.2023')?.date, '2023-05-12');
    assert.deepEqual(parseDateline('МОСКВА, 18 октября/ Радио Sputnik. Начались учения'), { date: undefined, yearless: true, whole: false });
    assert.equal(parseDateline('Организация основана в 1992 году'), undefined);
  });

  it('ends a sentence at "г." only where a capital follows, and never at an initial', () => {
    const text = 'Силы созданы в 2009 г. для быстрого реагирования. Основана в 1992 г. Совет является органом. А. Сидоров доложил.';
    const span = (word: string) => {
      const s = sentenceAround(text, text.indexOf(word), { start: 0, end: text.length });
      return text.slice(s.start, s.end);
    };
    assert.equal(span('реагирования'), 'Силы созданы в 2009 г. для быстрого реагирования.');
    assert.equal(span('Совет'), 'Совет является органом.');
    assert.equal(span('доложил'), 'А. Сидоров доложил.');
  });
});

describe('Russian names: cases, abbreviations, transliterations', () => {
  it('finds a name in any case and number, with the span on the name as written', () => {
    assert.deepEqual(found('Заседание Совета коллективной безопасности; решения Советом коллективной безопасности.'), [
      'collective-security-council=Совета коллективной безопасности',
      'collective-security-council=Советом коллективной безопасности',
    ]);
    assert.deepEqual(found('с Коллективными силами оперативного реагирования'), ['collective-rapid-reaction-force=Коллективными силами оперативного реагирования']);
    assert.deepEqual(found('начальник Объединенного штаба ОДКБ'), ['joint-staff=Объединенного штаба ОДКБ']);
  });

  it('finds an international body a Russian text about the CSTO names, in any case, as one entity; not a national staff', () => {
    const text = 'Операция «Канал» ОДКБ. Действия согласовывал Международный координационный штаб в Минске. Работа Международного координационного штаба завершена. Генерального штаба Вооруженных сил это не касалось.';
    const bodies = (t: string) => findAllMentions(t, knowledge).filter((m) => m.discovered?.kind === 'body').map((m) => `${m.entityId}=${m.surface}`);
    assert.deepEqual(bodies(text), [
      'discovered-body-координацион-международн-штаб=Международный координационный штаб',
      'discovered-body-координацион-международн-штаб=Международного координационного штаба',
    ]);
    assert.deepEqual(bodies('Действия согласовывал Международный координационный штаб в Минске.'), [], 'not in a text that never names the CSTO');
  });

  it('finds the Collective Forces written without "ОДКБ", as the English name is', () => {
    assert.deepEqual(found('Учения коллективных сил пройдут в сентябре.'), ['collective-forces=коллективных сил']);
    assert.deepEqual(found('для войск (Коллективных сил) ОДКБ'), ['collective-forces=Коллективных сил', 'csto=ОДКБ']);
  });

  it('finds quoted code names with their edition, and an abbreviation with a case ending', () => {
    assert.deepEqual(found('в ходе учений «Взаимодействие-2023» и «Эшелон-2023» военнослужащие КСОРа'), [
      'interaction@2023=Взаимодействие-2023',
      'echelon@2023=Эшелон-2023',
      'collective-rapid-reaction-force=КСОРа',
    ]);
    assert.deepEqual(found('в рамках операции «Канал» и операции Нелегал'), ['channel=Канал', 'illegal=Нелегал']);
  });

  it('takes a capital "Ё" for the capital it is, as the other capitals', () => {
    assert.deepEqual(['Ёлка', 'Грузия', 'ёлка', 'Alpha'].map(startsRussianName), [true, true, false, false]);
  });

  it('gives no card to the Russian common words the code names are made of', () => {
    for (const text of ['поиск пропавших продолжается', 'Telegram-канал сообщил', 'на рубеже веков', 'взаимодействие ведомств', 'эшелон с грузом ушёл', 'Поиск пропавших продолжается', 'Грузом занялись'])
      assert.deepEqual(found(text), [], text);
  });

  it('generates the Latin spellings of a Russian name under every scheme and the press\'s mixtures', () => {
    const spellings = latinSpellings('Взаимодействие');
    for (const s of ['Vzaimodeystviye', 'Vzaimodejstvie', 'Vzaimodeistvie', 'Vzaimodeystvie', 'Vzaimodeistviye', 'Vzaimodeistviie']) assert.ok(spellings.includes(s), s);
    assert.deepEqual(latinSpellings('КСОР'), [], 'an abbreviation is not transliterated');
  });

  it('matches a transliteration an English note writes, in any scheme, as the entity', () => {
    assert.deepEqual(found('The Vzaimodejstvie-2022 drills, Nerushimoye Bratstvo-2021 and Poisk.', 'note'), [
      'interaction@2022=Vzaimodejstvie-2022',
      'indestructible-brotherhood@2021=Nerushimoye Bratstvo-2021',
      'search=Poisk',
    ]);
  });

  it('completes a transliteration typed in an English note, and a Russian name typed in Cyrillic, to the entity', () => {
    const completer = new NameCompleter(knowledge.entities.values());
    const first = (prefix: string) => completer.complete(prefix, () => 0).items[0];
    assert.equal(first('held the Vzaimodeyst').entity.id, 'interaction');
    assert.equal(first('учения Нерушим').entity.id, 'indestructible-brotherhood');
    assert.equal(first('Kollektivnye sily operativnogo').entity.id, 'collective-rapid-reaction-force');
  });
});

describe('Russian names in a catalog', () => {
  it('takes an entity\'s Russian names under "ru", and says what is wrong with them', () => {
    const base = { id: 'x', kind: 'exercise', name: 'Frontier Shield' };
    const good = validateCatalog({ version: '1', entities: [{ ...base, ru: { name: 'Пограничный щит', aliases: ['ПЩ'] } }] });
    assert.deepEqual(good.catalog?.entities[0].ru, { name: 'Пограничный щит', aliases: ['ПЩ'] });
    const latin = validateCatalog({ version: '1', entities: [{ ...base, ru: { name: 'Pogranichny shchit' } }] });
    assert.match(latin.problems[0].message, /has no Cyrillic letter/);
    assert.equal(latin.problems[0].severity, 'warning');
    const wrong = validateCatalog({ version: '1', entities: [{ ...base, ru: { name: 'Щит', spelling: 'x' } }] });
    assert.equal(wrong.catalog, undefined);
    assert.match(wrong.problems[0].message, /Unknown property "spelling" of "ru"/);
  });

  it('gives every built-in entity a Russian name', () => {
    const missing = bundledCatalog().entities.filter((e) => !e.ru).map((e) => e.id);
    assert.deepEqual(missing, []);
  });
});

describe('One card, both languages', () => {
  async function service() {
    const host = new InMemoryCorpusHost();
    const files: Record<string, string> = {
      'file:///corpus/ru.txt': RELEASE,
      'file:///corpus/en.txt': 'MINSK, 3 June 2024 - The Collective Security Council is the highest body of the CSTO, made up of the heads of state.\n',
    };
    for (const [uri, text] of Object.entries(files)) host.write(uri, text);
    const ingestion = new Ingestion(host, bundledCatalog(), { maxFileBytes: 1e7, retainText: true });
    await indexFilesHere(ingestion, Object.keys(files), { embedded: false, yieldToRequests: () => host.yieldToRequests() });
    return createLanguageService(ingestion);
  }
  const note = (text: string) => ({ uri: 'file:///notes/n.md', version: 1, getText: () => text });

  it('quotes the definition in the note\'s language where the corpus has one, else the other, marked', async () => {
    const language = await service();
    const english = note('The Collective Security Council decided; the KSOR was deployed.');
    const council = language.hover(english, english.getText().indexOf('Security'))!.markdown;
    assert.match(council, /^> .*The Collective Security Council is the highest body/m);
    const ksor = language.hover(english, english.getText().indexOf('KSOR'))!.markdown;
    assert.match(ksor, /> Коллективные силы оперативного реагирования \(КСОР\) — это основная группировка/);
    assert.match(ksor, /Defined in \[[^\]]+\]\(file:\/\/\/corpus\/ru\.txt#L5\) \(in Russian\)/);
    const russian = note('Решение принял Совет коллективной безопасности.');
    const card = language.hover(russian, russian.getText().indexOf('Совет'))!.markdown;
    assert.match(card, /> Совет коллективной безопасности является высшим органом ОДКБ\./);
    assert.match(card, /\*In Russian:\* Совет коллективной безопасности · СКБ/);
    assert.match(card, /\*In Latin letters:\* Sovet kollektivnoy bezopasnosti/);
    assert.match(card, /Mentioned 2 times \(1 in Russian\) in 2 documents/);
  });

  it('gives the Russian and the English name of an entity the same references', async () => {
    const language = await service();
    const text = 'The CRRF and the КСОР.';
    const places = (word: string) => language.references(note(text), text.indexOf(word)).places.map((p) => `${p.uri}@${p.start}`).sort();
    // The release names the CRRF twice in Russian ("Коллективных сил …", "Коллективные силы … (КСОР)", one mention).
    assert.deepEqual(places('CRRF'), [`file:///corpus/ru.txt@${RELEASE.indexOf('Коллективных сил')}`, `file:///corpus/ru.txt@${RELEASE.indexOf('Коллективные силы')}`]);
    assert.deepEqual(places('КСОР'), places('CRRF'));
  });
});
