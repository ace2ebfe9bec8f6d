// How the views write a dated title.

/** "2022-05-30 · Stanislav Zas: …": the date first, so that it shows however narrow the view. */
export function datedTitle(title: string, date: string | undefined): string {
  return date ? `${date} \u00b7 ${title}` : title;
}
