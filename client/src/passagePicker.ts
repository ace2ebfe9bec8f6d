// "Open Source Passage…": a quick pick that asks the server as the analyst types, finding passages
// by title, by the entities they name (any of their names) and by their text, and saying so when
// nothing matches rather than showing an empty list.

import * as vscode from 'vscode';
import { SearchPassagesRequest, type PassageHitSummary, type SearchPassagesResult, type SourceLocation } from '../../server/src/shared/protocol';
import type { ServerRequests } from './requests';

const PASSAGE_ICONS: Record<PassageHitSummary['kind'], string> = { news: 'calendar', article: 'book', section: 'symbol-namespace', byline: 'person' };
const DEBOUNCE = 120;

interface HitItem extends vscode.QuickPickItem {
  location?: SourceLocation;
}

export function pickPassage(requests: ServerRequests): Promise<SourceLocation | undefined> {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = 'Open Source Passage';
  pick.placeholder = 'Type words of a title, a name (any alias) or of the text';
  // The server filters; the quick pick must not filter its answer again by label.
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const search = async (query: string) => {
    const ask = ++asked;
    pick.busy = true;
    const result = await requests.send(SearchPassagesRequest, { query, limit: 100 });
    if (ask !== asked) return;
    pick.busy = false;
    pick.items = itemsOf(query, result);
  };
  return new Promise((resolve) => {
    const disposables = [
      pick.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void search(value), DEBOUNCE);
      }),
      pick.onDidAccept(() => {
        const location = pick.selectedItems[0]?.location;
        if (!location) return;
        resolve(location);
        pick.hide();
      }),
      pick.onDidHide(() => {
        if (timer) clearTimeout(timer);
        resolve(undefined);
        for (const d of disposables) d.dispose();
        pick.dispose();
      }),
    ];
    pick.show();
    void search('');
  });
}

export function itemsOf(query: string, result: SearchPassagesResult | undefined): HitItem[] {
  if (!result) return [{ label: 'The Corpus Lens server is not running', alwaysShow: true }];
  const items: HitItem[] = result.items.map((hit) => ({
    label: `$(${PASSAGE_ICONS[hit.kind]}) ${hit.title}`,
    description: hit.dateLabel,
    detail: detailOf(hit),
    alwaysShow: true,
    location: { uri: hit.uri, range: hit.range },
  }));
  if (!items.length && query.trim()) {
    items.push({ label: `No passage matches \u201c${query.trim()}\u201d`, detail: 'Searched titles, the names of every entity (aliases too) and the text of the documents.', alwaysShow: true });
  }
  if (!result.complete) {
    items.push({
      label: `$(info) Searched the text of ${result.documentsSearched} of ${result.documents} documents`,
      detail: 'Titles and names were searched everywhere; type more words to narrow the text search.',
      alwaysShow: true,
    });
  }
  return items;
}

function detailOf(hit: PassageHitSummary): string {
  const why = hit.reason === 'entity' ? `names ${hit.entityName}` : hit.reason === 'text' ? 'text' : hit.reason === 'words' ? 'all the words' : '';
  const snippet = hit.snippet ? `${hit.snippet} \u2014 ` : '';
  return `${snippet}${hit.documentTitle}${why ? ` \u00b7 ${why}` : ''}`;
}
