// Messages between the Chronology webview and the extension host.

import type { KindColours } from './kindColours';
import type { Drawing } from './model';

export type ToWebview =
  | { type: 'drawing'; drawing: Drawing; filter: string; zoomed: boolean; names: string[] }
  | { type: 'loading'; filter: string }
  | { type: 'colours'; colours: KindColours }
  | { type: 'problem'; message: string }
  | { type: 'sentence'; event: number; text: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'filter'; text: string }
  | { type: 'activate'; event: number }
  | { type: 'describe'; event: number }
  | { type: 'allDates' };
