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
  /** One matcher entity per state the catalog lacks: its names, long form and adjectives. */
  entities: Entity[];
  /** What a mention of each is, by entity id. */
  infos: Map<string, DiscoveredInfo>;
  /**
   * The catalog's states with the forms the data adds ("Kazakh", "Kazakhstani"), for the matcher
   * only: the catalog itself, and what its cards list, stay as the catalog author wrote them.
   */
  catalogStates: Map<string, Entity>;
}

/** The UN member states none of whose names the catalog gives to one of its states. */
export function worldStatesBeyond(catalog: readonly Entity[]): WorldStates {
  const catalogByName = new Map<string, Entity>();
  for (const entity of catalog) if (entity.kind === 'state') for (const name of [entity.name, ...entity.aliases]) catalogByName.set(name.toLowerCase(), entity);
  // A state's initials are the catalog's where a catalog name holds them as a word: "CAR" in "CRDF CAR".
  const catalogWords = new Set(catalog.flatMap((entity) => [entity.name, ...entity.aliases].flatMap((name) => name.split(/[^\p{L}\p{N}]+/u))));
  const initialsOf = (state: (typeof states)[number]) => state.initials.filter((i) => !catalogWords.has(i));
  const entities: Entity[] = [];
  const infos = new Map<string, DiscoveredInfo>();
  const catalogStates = new Map<string, Entity>();
  for (const state of states) {
    const names = [state.name, state.official, ...state.other];
    const known = names.map((n) => catalogByName.get(n.toLowerCase())).find((e) => e !== undefined);
    if (known) {
      const have = new Set([known.name, ...known.aliases].map((n) => n.toLowerCase()));
      const added = [...new Set([state.official, ...state.adjectives, ...initialsOf(state)])].filter((n) => !have.has(n.toLowerCase()) && !catalogByName.has(n.toLowerCase()));
      if (added.length) catalogStates.set(known.id, { ...known, aliases: [...known.aliases, ...added] });
      continue;
    }
    const id = `discovered-state-${state.code}`;
    const aliases = [...new Set([...names.slice(1), ...state.adjectives, ...initialsOf(state)].filter((n) => n && n !== state.name))];
    entities.push({ id, kind: 'state', name: state.name, aliases });
    infos.set(id, { kind: 'state', name: state.name, about: WORLD_STATE_ABOUT });
  }
  return { entities, infos, catalogStates };
}
