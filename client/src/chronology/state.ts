// What the Chronology view, its list and "Insert Chronology into Note" show: one selection
// (entities, kinds, a period) shared by all three, changed by the filter box, the Entities view,
// "Show in Chronology" and zooming into a month.

import * as vscode from 'vscode';
import type { ChronologyParams } from '../../../server/src/shared/protocol';
import type { ChronologySelection } from './model';

export class ChronologyState implements vscode.Disposable {
  private current: ChronologySelection = { entityIds: [], kinds: [] };
  /** The period before zooming in, restored by "All dates". */
  private beforeZoom: Pick<ChronologySelection, 'from' | 'to'> | undefined;
  private readonly changed = new vscode.EventEmitter<ChronologySelection>();
  readonly onDidChange = this.changed.event;

  get selection(): ChronologySelection {
    return this.current;
  }

  get zoomed(): boolean {
    return this.beforeZoom !== undefined;
  }

  /** A new selection from the filter box or another view; leaves any zoom. */
  set(selection: ChronologySelection): void {
    this.beforeZoom = undefined;
    this.update(selection);
  }

  /** Shows one entity over all its dates. */
  showEntity(entityId: string): void {
    this.set({ entityIds: [entityId], kinds: [] });
  }

  /** Narrows the period to a month or year of the current selection. */
  zoom(from: string, to: string): void {
    this.beforeZoom ??= { from: this.current.from, to: this.current.to };
    this.update({ ...this.current, from, to });
  }

  allDates(): void {
    const before = this.beforeZoom ?? {};
    this.beforeZoom = undefined;
    this.update({ ...this.current, from: before.from, to: before.to });
  }

  /** The selection as request parameters. */
  params(): ChronologyParams {
    const { entityIds, kinds, from, to } = this.current;
    const params: ChronologyParams = {};
    if (entityIds.length) params.entityIds = entityIds;
    if (kinds.length) params.kinds = kinds;
    if (from) params.from = from;
    if (to) params.to = to;
    return params;
  }

  private update(selection: ChronologySelection): void {
    this.current = selection;
    this.changed.fire(selection);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
