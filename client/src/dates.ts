// How the views write a dated title.

/**
 * "2022-05-30 · Stanislav Zas: …": the date first, so that it shows however narrow the view; a
 * document with no dateline says it is undated rather than leave the place empty, and one whose
 * date is still to be read (`unread`: the first index's names pass) says that.
 */
export function datedTitle(title: string, date: string | undefined, unread = false): string {
  return `${date ?? (unread ? 'not read yet' : 'undated')} \u00b7 ${title}`;
}
