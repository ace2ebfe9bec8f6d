// How the views write a dated title.

/**
 * "2022-05-30 · Stanislav Zas: …": the date first, so that it shows however narrow the view; a
 * document with no dateline says it is undated rather than leave the place empty.
 */
export function datedTitle(title: string, date: string | undefined): string {
  return `${date ?? 'undated'} \u00b7 ${title}`;
}
