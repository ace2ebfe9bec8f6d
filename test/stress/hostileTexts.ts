// Documents built to hurt one stage of the analysis each: quadratic walks, backtracking patterns,
// runs of one character, and texts that would add an entity per line. Shared by the stress
// script (10 MB each) and the fast slice in `npm test` (small ones).

/** Repeats `unit(i)` until the text has `bytes` characters. */
export function fill(unit: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, bytes);
}

export function adversarialDocuments(bytes: number): { name: string; text: string }[] {
  const documents: [string, () => string][] = [
    ['one line of running text', () => fill((i) => `The Collective Security Council met in ${2000 + (i % 30)} and the CSTO said so. `, bytes)],
    ['a million tiny lines', () => fill((i) => `a${i % 10}\n`, bytes)],
    ['"Council of the " repeated', () => fill(() => 'Council of the ', bytes)],
    ['"Council " repeated', () => fill(() => 'Council ', bytes)],
    ['"Staff" repeated (a body head)', () => fill(() => 'Staff ', bytes)],
    ['digits, spaces, then a letter (one line)', () => `12345678${' '.repeat(bytes - 9)}x`],
    ['runs of «««', () => fill(() => '«', bytes)],
    ['"(A (B (C …" nested brackets', () => fill((i) => `(A${i} `, bytes)],
    ['every word capitalised', () => fill((i) => `Word${String.fromCharCode(65 + (i % 26))} `, bytes)],
    ['abbreviations in brackets', () => fill((i) => `Council Number ${i} (CN${i}) `, bytes)],
    ['"operation Xn" with distinct names', () => fill((i) => `operation X${i} `, bytes)],
    ['code names with years', () => fill((i) => `Thunder-${2000 + (i % 30)} `, bytes)],
    ['quoted code names with years', () => fill((i) => `«Storm${i}-${2000 + (i % 30)}» exercise `, bytes)],
    ['dotted dates', () => fill((i) => `${(i % 28) + 1}.0${(i % 9) + 1}.2021 `, bytes)],
    ['dashes and dots', () => fill((i) => (i % 2 ? '- ' : '. '), bytes)],
    ['one word, no spaces', () => 'a'.repeat(bytes)],
    ['white space only', () => ' '.repeat(bytes)],
    ['headings and bylines alternating', () => fill((i) => (i % 2 ? `# Heading ${i}\n` : `Author: Name ${i}\n`), bytes)],
  ];
  return documents.map(([name, make]) => ({ name, text: make() }));
}
