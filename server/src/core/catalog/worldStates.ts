// The states the catalog does not list, from the world-countries package (its UN member states):
// an analyst's sources name Iran, Afghanistan or China as often as the member states, and a state
// is a state whether or not a catalog author typed it in. Chosen over i18n-iso-countries because
// it carries, per state, the official long form ("Islamic Republic of Iran"), other spellings and the
// adjective ("Iranian"), marks which states are UN members, and has Russian names for later use.
// Such a state is found like a discovered entity: it has a card once the corpus names it, and no
// row in the views before.

import states from 'corpus-lens:states';
import type { DiscoveredInfo, Entity } from '../model';

/** What a state's card says it is, and where that comes from. */
export const WORLD_STATE_ABOUT = 'UN member state (from the world-countries data; not in the catalog)';

export interface WorldStates {
  /** One matcher entity per state the catalog lacks: its names, long form and adjective. */
  entities: Entity[];
  /** What a mention of each is, by entity id. */
  infos: Map<string, DiscoveredInfo>;
}

/** The UN member states none of whose names the catalog gives to one of its states. */
export function worldStatesBeyond(catalog: readonly Entity[]): WorldStates {
  const catalogNames = new Set<string>();
  for (const entity of catalog) if (entity.kind === 'state') for (const name of [entity.name, ...entity.aliases]) catalogNames.add(name.toLowerCase());
  const entities: Entity[] = [];
  const infos = new Map<string, DiscoveredInfo>();
  for (const state of states) {
    const names = [state.name, state.official, ...state.other];
    if (names.some((n) => catalogNames.has(n.toLowerCase()))) continue;
    const id = `discovered-state-${state.code}`;
    const aliases = [...new Set([...names.slice(1), state.adjective].filter((n) => n && n !== state.name))];
    entities.push({ id, kind: 'state', name: state.name, aliases });
    infos.set(id, { kind: 'state', name: state.name, about: WORLD_STATE_ABOUT });
  }
  return { entities, infos };
}
