// The index status as the wire carries it: copied field by field from the sync's status, so that
// the core may change its own record without changing what clients receive.

import type { SyncStatus } from '../core/sync/corpusSync';
import type { IndexStatus } from '../shared/protocol';

export function toIndexStatus(status: SyncStatus): IndexStatus {
  const wire: IndexStatus = {
    documents: status.documents,
    passages: status.passages,
    mentions: status.mentions,
    reprintedMentions: status.reprintedMentions,
    entitiesMentioned: status.entitiesMentioned,
    catalogEntities: status.catalogEntities,
    discoveredEntities: status.discoveredEntities,
    catalogVersion: status.catalogVersion,
    indexing: status.indexing,
    embedded: status.embedded,
    problems: status.problems,
    notes: status.notes,
    fromCache: status.fromCache,
  };
  if (status.phase) wire.phase = status.phase;
  if (status.layout) wire.layout = { kind: status.layout.kind, folders: [...status.layout.folders] };
  if (status.lastIndexMilliseconds !== undefined) wire.lastIndexMilliseconds = status.lastIndexMilliseconds;
  if (status.lastUpdateMilliseconds !== undefined) wire.lastUpdateMilliseconds = status.lastUpdateMilliseconds;
  return wire;
}
