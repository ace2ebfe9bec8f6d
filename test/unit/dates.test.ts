// How a document gets its date: from a dateline or a publication line, never from a year the text
// recalls. The lines below are written for these tests; they reproduce forms seen in wire reports
// and on the CSTO site (see the issue 23 note), not their sentences.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentPassages } from '../../server/src/core/analysis/segment';
import { parseDateline } from '../../server/src/core/text/dates';

const dateOf = (text: string) => segmentPassages(text, 'x.txt').date;

describe('parseDateline', () => {
  const dated: [string, string][] = [
    ['ASTANA, March 3, 2023 /TASS/. The council will meet in autumn.', '2023-03-03'],
    ['YEREVAN, 3 March 2023 - The ministers spoke for an hour.', '2023-03-03'],
    ['KRASNOARMEISK /Moscow region/, Sept. 14, 2022 /TASS/. Drills went on.', '2022-09-14'],
    ['Published: 17.11.2025', '2025-11-17'],
    ['Posted on 2024-02-29', '2024-02-29'],
    ['Thursday, October 2, 2025 09:15', '2025-10-02'],
    ['12 Dec. 2024 18:40 (UTC+3)', '2024-12-12'],
    ['date 2023-04-20 20 Apr. 11:05 (UTC+3 MSK)', '2023-04-20'],
    ['3 March 2025      Views: 1,207', '2025-03-03'],
    ['March 3, 2025 | Views: 96 | Comments: 2', '2025-03-03'],
    ['03.03.2025 Read: 58', '2025-03-03'],
    ['14.02.2025On 12 February, the council met.', '2025-02-14'],
    ['Published: 09:20, 4 April 2025', '2025-04-04'],
    ['16:05, 4 April 2025', '2025-04-04'],
    ['2025-04-04T16:05:00+05:00', '2025-04-04'],
    ['2025/04/04', '2025-04-04'],
    ['4-Apr-2025', '2025-04-04'],
    ['15 / September / 2032 : 12-38', '2032-09-15'],
    ['Updated: 24/04/2025', '2025-04-24'],
    ['04/24/2025', '2025-04-24'],
    ['By Aigerim Seitova | 4 April 2025', '2025-04-04'],
    ['Posted on April 4, 2025 by editor', '2025-04-04'],
    ['Fri 4 Apr 2025 16.05 CEST', '2025-04-04'],
    ['ALMATY, 4 April 2025 (Kazakh-TV) - The ministers arrived.', '2025-04-04'],
    ['Almaty, 4 April 2025, 16:05 - The ministers arrived.', '2025-04-04'],
    ['Dinara Abenova January 12, 2027 4 min read', '2027-01-12'],
    ['Aigerim Seitova 12 January 2027 · 3 min read', '2027-01-12'],
    ['Wed 16th September 2026 | 11:50 AM', '2026-09-16'],
    ['September 16th, 2026', '2026-09-16'],
    ['Kazakhstan Materials 3 November 2026 16:20 (UTC +04:00)', '2026-11-03'],
    ['Almaty/13.01.22/Turan: Units of the peacekeeping forces paraded.', '2022-01-13'],
    ['Baku/02.11.98/Turan: The ministers met.', '1998-11-02'],
    ['Bishkek, Nov. 19, 2027. / Kabar/. The minister attended.', '2027-11-19'],
    ['date 2027-08-20 https://news.example.com/20270820/drills-1127.html', '2027-08-20'],
    ['date 2027-12-21 Valery Gerasimov, Chief of the General Staff, spoke.', '2027-12-21'],
    ['Published 12 May 2022 The ministers met.', '2022-05-12'],
    ['9 Jul 27', '2027-07-09'],
    ['19 октября 2027 / 10:40', '2027-10-19'],
    ['Обновлено: 04.07.2027', '2027-07-04'],
    ['9 Jul 98', '1998-07-09'],
    ['Astana, 4 May 2026 /Kazinform/ The forces met.', '2026-05-04'],
    ['of October 5, 2033', '2033-10-05'],
    ['/PanARMENIAN.Net/ 19.01.2034 20:16 GMT+04:00', '2034-01-19'],
    ['YEREVAN, Armenia, Nov. 29, 2033 (Xinhua) -- The first academy will open.', '2033-11-29'],
    ['dated 5 October 2033', '2033-10-05'],
    ['от 5 октября 2033 года', '2033-10-05'],
  ];
  for (const [line, date] of dated) {
    it(`reads ${JSON.stringify(line.slice(0, 32))} as ${date}`, () => {
      assert.equal(parseDateline(line)?.date, date);
    });
  }

  it('says a wire dateline without a year is yearless and gives it no date', () => {
    for (const line of ['BISHKEK, November 8. /TASS/. The exercise ended.', '8 Nov. 10:05 (UTC+3 MSK)']) {
      assert.deepEqual(parseDateline(line), { date: undefined, yearless: true, whole: line.startsWith('8') }, line);
    }
  });

  it('gives no date for a numeric date whose day and month cannot be told apart', () => {
    assert.equal(parseDateline('Updated: 05/04/2025')?.date, undefined);
  });

  it('does not take a date inside a sentence for a dateline', () => {
    for (const line of [
      'The organisation was established in 1992 and grew since.',
      'In Minsk, 9 June 2021 was the day of the session.',
      'On 12 May 2022 the Council met in Moscow.',
      'May 2022 brought new exercises.',
      'June 9, 2021 the ministers had already left the city for talks.',
      'DUSHANBE (AKIpress) - The agency gives no date in its lead.',
      '3 March 2025 the ministers met 2 times.',
      'MOSCOW, 14.02.2025The text goes on.',
      'By 2025 the forces will have grown | 4 April 2025',
      '16:05, the ministers arrived on 4 April 2025.',
      'The Council January 12, 2027 met again.',
      'Victory Day 9 May 2025',
      'of 12 May 2022 the Council met in Moscow.',
      'In Moscow, Russia, 9 June 2021 was the day of the session.',
      'The Council met on 3 November 2026 16:20 again',
      'In Bishkek, Nov. 19, 2027 / the ministers / met.',
      'Talks, May 4, 2026 /ended/ early.',
      '9 Jul 27 units arrived.',
    ]) {
      assert.equal(parseDateline(line), undefined, line);
    }
  });

  it('tells a line that is only a date from a dateline that opens a paragraph', () => {
    assert.equal(parseDateline('27 June 2024')?.whole, true);
    assert.equal(parseDateline('27 June 2024    Read: 814')?.whole, true);
    assert.equal(parseDateline('MOSCOW, 27 June 2024 - Text follows.')?.whole, false);
  });
});

describe('the date of a document', () => {
  it('is the date and "г." that open a Russian text, on its first line only', () => {
    assert.equal(dateOf('21.10.2027г. на полигоне «Харб-Майдон» прошло учение.\nПодробности позже.'), '2027-10-21');
    assert.equal(dateOf('Учения завершены\n\nКак сообщили в штабе:\n15.05.1992г. был подписан Договор.'), undefined, 'a date in a later line recalls');
  });

  it('is the dateline of a wire report, not the latest year it recalls', () => {
    const text = [
      'Ministers agree to hold joint drills',
      '',
      'ALMATY, April 4, 2019 /TASS/. The ministers agreed on drills planned for 2021.',
      'The organisation was founded in 1992 and the rapid reaction force in 2009.',
    ].join('\n');
    assert.equal(dateOf(text), '2019-04-04');
  });

  it('is undated for a report whose dateline has no year, even when its body names years', () => {
    const text = [
      'Peacekeepers finish an exercise',
      '',
      'BISHKEK, November 8. /TASS/. The exercise, first held in 2012, ended on Friday.',
      'A similar drill is planned for 2027.',
    ].join('\n');
    assert.equal(dateOf(text), undefined);
  });

  it('is the date line right under a headline', () => {
    const text = ['# Council session in Minsk', '', '14 May 2023', '', 'The Council, set up in 1993, met on Friday.'].join('\n');
    assert.equal(dateOf(text), '2023-05-14');
  });

  it('is the publication line when the page puts it first', () => {
    const text = ['Published: 02.12.2020', 'Secretary General speaks to reporters', '', 'He recalled the events of 2010.'].join('\n');
    assert.equal(dateOf(text), '2020-12-02');
  });

  it('is the date after a slash at the end of the first line, as the CSTO site prints its headlines', () => {
    const text = ['Military observers meet in Minsk / 07.11.2023', '', 'The observers recalled the 1992 treaty.'].join('\n');
    assert.equal(dateOf(text), '2023-11-07');
    assert.equal(dateOf(['Notes', '', 'Compare the ratio 3 / 12.10.2020 here.'].join('\n')), undefined, 'not on a later line');
  });

  it('is the date of a title-case place and date line followed by the outlet, never of a sentence', () => {
    assert.equal(dateOf(['Drills in September', '', 'Bishkek, June 9, 2021 - 24.kg news agency', '', 'The forces set up in 2009 will train.'].join('\n')), '2021-06-09');
    assert.equal(dateOf(['Drills in September', '', 'In Moscow, June 9, 2021 - the ministers met, as in 2009.'].join('\n')), undefined);
  });

  it('is the date of a dateline that names the outlet after the date, not a sentence with a comma after its date', () => {
    assert.equal(dateOf(['Seizures in the mountains', '', 'DUSHANBE, March 3, 2025, Asia-Plus -- A drug route was closed, as in 2019.'].join('\n')), '2025-03-03');
    assert.equal(dateOf(['Seizures in the mountains', '', 'ALMATY, 4 April 2019, Reuters / The ministers met, as in 2009.'].join('\n')), '2019-04-04');
    assert.equal(dateOf(['Seizures in the mountains', '', 'In Dushanbe, March 3, 2025, the police closed a route - as in 2019.'].join('\n')), undefined);
  });

  it('ignores a dateline buried deep in the text', () => {
    const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the interview, without any date.`);
    const text = ['An interview', '', ...body, 'MOSCOW, 1 July 2020 - a quoted older report.'].join('\n');
    assert.equal(dateOf(text), undefined);
  });
});
