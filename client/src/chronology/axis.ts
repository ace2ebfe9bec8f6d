// The time axis of the Chronology view: year ticks, and month ticks when there is room, for a span
// of time drawn over a width in pixels. Shared by the webview and the unit tests (no DOM).

export interface Tick {
  time: number;
  label: string;
  major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR = 365.25 * 24 * 3600 * 1000;
/** Pixels a label needs: "2024" or "Sep". */
const LABEL_ROOM = 36;

export function axisTicks(from: number, to: number, width: number): Tick[] {
  const pixelsPerYear = (width * YEAR) / Math.max(1, to - from);
  const ticks: Tick[] = [];
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  // Label every year, or every 2, 5, 10… when the years are narrow.
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => s * pixelsPerYear >= LABEL_ROOM) ?? 100;
  const monthStep = [1, 3, 6].find((s) => (s * pixelsPerYear) / 12 >= LABEL_ROOM);
  for (let year = first; year <= last; year++) {
    const time = Date.UTC(year, 0, 1);
    if (time >= from && time <= to) ticks.push({ time, label: year % step === 0 || step === 1 ? String(year) : '', major: true });
    if (pixelsPerYear < 48) continue;
    for (let month = 1; month < 12; month++) {
      const at = Date.UTC(year, month, 1);
      if (at < from || at > to) continue;
      ticks.push({ time: at, label: monthStep && month % monthStep === 0 ? MONTHS[month] : '', major: false });
    }
  }
  // A span within one year still says which year it is.
  if (!ticks.some((t) => t.major)) ticks.unshift({ time: from, label: String(first), major: true });
  return ticks;
}
