// The note the editor suites open, and what a user must see in it. Shared by the VS Code suite
// (test:vscode) and the browser end-to-end suite.

export const NOTE_TEXT = [
  '# Notes on the CSTO',
  '',
  'The operation Hired guns keeps running; the Collective Security Council approved it.',
  'The exercise Indestructible Brotherhood-2024 was held in Kazakhstan.',
  '',
].join('\n');

export const EXPECTED = {
  documentTitles: [
    'CSTO is the key factor of maintaining stability in Eurasia',
    'Stanislav Zas: In the Republic of Kazakhstan, the CSTO has sent a signal to the whole world - we do not leave allies behind',
    'Briefing by CSTO Secretary General Stanislav Zas',
  ],
  /** The Documents view puts each document's date before its title, newest first, the undated last (the one without a dateline). */
  documentDates: ['2022-05-30', '2021-06-09', '2021-02-08', '2020-12-02', 'undated'],
  hiredGunsCardFirstLine: '**Mercenary** — operation',
  hiredGunsAliases: ['Hired guns', 'Naemnik'],
  definitionFile: '003_cd610519ad23afcb.txt',
  definitionLineText: 'The highest body is the Collective Security Council',
  completionLabel: 'Indestructible Brotherhood',
  entityKinds: ['Bodies', 'Operations', 'Exercises'],
};
