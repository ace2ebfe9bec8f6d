// Commands, one small factory each, all under the corpusLens.* prefix (categories in package.json).

import * as vscode from 'vscode';
import { CardRequest, EntityAtRequest, ReindexRequest, type EntitySummary, type SourceLocation } from '../../server/src/shared/protocol';
import { insertChronology } from './chronology/insertTable';
import type { ChronologyState } from './chronology/state';
import type { EntitiesTreeProvider } from './entitiesTree';
import type { NoteTracker } from './quoteCommands';
import type { ServerRequests } from './requests';
import { KIND_ICONS } from './entitiesTree';
import { plural } from './words';
import { pickPassage } from './passagePicker';
import { copyQuote, copySelectionQuote, insertQuote, insertSelectionQuote } from './quoteCommands';
import type { CardPanel } from './cardPanel';
import { createSampleWorkspace } from './sampleWorkspace';
import { chooseCorpusFolder } from './workspaceLayout';

/** What the commands act on: the extension's context object (CorpusLens) gives it. */
export interface CommandContext {
  readonly requests: ServerRequests;
  readonly notes: NoteTracker;
  readonly chronology: ChronologyState;
  readonly entities: EntitiesTreeProvider;
  readonly entitiesView: vscode.TreeView<unknown>;
  readonly extensionUri: vscode.Uri;
  readonly cardPanel: CardPanel;
  /** True for a document of the indexed corpus (a source). */
  readonly isCorpusDocument: (uri: string) => Promise<boolean>;
  restart(): Promise<void>;
  showOutput(): void;
}

type CommandFactory = (lens: CommandContext) => (...args: unknown[]) => unknown;

const COMMANDS: Record<string, CommandFactory> = {
  'corpusLens.refreshIndex': (lens) => () => refreshIndex(lens),
  'corpusLens.revealEntity': (lens) => (arg) => revealEntity(lens, arg),
  'corpusLens.openPassage': (lens) => (arg) => openPassage(lens, arg),
  // The views' title-bar searches: VS Code passes them the tree's selection, which they must not open.
  'corpusLens.findPassage': (lens) => () => openPassage(lens, undefined),
  'corpusLens.findEntity': (lens) => async () => {
    const picked = await pickEntity(lens);
    if (picked) await revealEntity(lens, picked);
  },
  'corpusLens.insertQuote': (lens) => (arg) => insertQuote(lens.requests, lens.notes, arg),
  'corpusLens.copyQuote': (lens) => (arg) => copyQuote(lens.requests, arg),
  'corpusLens.insertSelectionQuote': (lens) => () => insertSelectionQuote(lens.requests, lens.notes, lens.isCorpusDocument),
  'corpusLens.copySelectionQuote': (lens) => () => copySelectionQuote(lens.requests, lens.isCorpusDocument),
  'corpusLens.showInChronology': (lens) => (arg) => showInChronology(lens, arg),
  'corpusLens.insertChronology': (lens) => () => insertChronology(lens.requests, lens.notes, lens.chronology),
  'corpusLens.restartServer': (lens) => () => lens.restart(),
  'corpusLens.showOutput': (lens) => () => lens.showOutput(),
  'corpusLens.chooseCorpusFolder': () => () => chooseCorpusFolder(),
  'corpusLens.openCard': (lens) => (arg) => lens.cardPanel.open(cardParamsOf(arg)),
  'corpusLens.hideUnmentioned': (lens) => () => lens.entities.setHideUnmentioned(true),
  'corpusLens.showUnmentioned': (lens) => () => lens.entities.setHideUnmentioned(false),
  'corpusLens.createSampleWorkspace': (lens) => () => createSampleWorkspace(lens.extensionUri),
};

export function registerCommands(lens: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(lens)));
}

async function refreshIndex(lens: CommandContext): Promise<void> {
  const started = Date.now();
  const status = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Corpus Lens: re-indexing the corpus\u2026' },
    () => lens.requests.send(ReindexRequest),
  );
  if (!status) {
    void vscode.window.showWarningMessage('Corpus Lens: the language server is not running.', 'Restart Language Server').then((choice) => {
      if (choice) void vscode.commands.executeCommand('corpusLens.restartServer');
    });
    return;
  }
  const milliseconds = status.lastIndexMilliseconds ?? Date.now() - started;
  const took = milliseconds < 1000 ? `${milliseconds} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
  const reprints = status.reprintedMentions ? ` (${status.reprintedMentions.toLocaleString('en')} more in reprints)` : '';
  const message =
    `Corpus Lens: indexed ${plural(status.documents, 'document')} in ${took}: ${plural(status.passages, 'passage')}, ` +
    `${plural(status.mentions, 'mention')}${reprints} of ${plural(status.entitiesMentioned, 'entity', 'entities')}.`;
  if (status.problems) {
    const choice = await vscode.window.showWarningMessage(`${message} ${plural(status.problems, 'file')} could not be read cleanly.`, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } else void vscode.window.showInformationMessage(message);
}

/** Opens a corpus document at a place: from a tree node, a location, or a passage picked from a list. */
async function openPassage(lens: CommandContext, arg: unknown): Promise<void> {
  const location = locationOf(arg) ?? (await pickPassage(lens.requests));
  if (!location) return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  const singleLine = range.start.line === range.end.line;
  editor.selection = singleLine ? new vscode.Selection(range.start, range.end) : new vscode.Selection(range.start, range.start);
  editor.revealRange(range, singleLine ? vscode.TextEditorRevealType.InCenterIfOutsideViewport : vscode.TextEditorRevealType.AtTop);
}

function locationOf(arg: unknown): SourceLocation | undefined {
  const candidate = (arg as { location?: SourceLocation } | undefined)?.location ?? arg;
  const location = candidate as SourceLocation | undefined;
  return typeof location?.uri === 'string' && location.range ? location : undefined;
}

/** Shows an entity in the Entities view and opens the passage that defines it. */
async function revealEntity(lens: CommandContext, arg: unknown): Promise<void> {
  const entityId = await entityOf(lens, arg);
  if (!entityId) return;
  const node = await lens.entities.nodeOf(entityId);
  if (!node) {
    void vscode.window.showInformationMessage(`Corpus Lens does not know the entity "${entityId}".`);
    return;
  }
  // An entity hidden by the "not mentioned" filter has no row: its card and passage still show.
  await Promise.resolve(lens.entitiesView.reveal(node, { select: true, focus: false, expand: true })).catch(() => undefined);
  if (node.type !== 'entity') return;
  if (node.location) {
    await openPassage(lens, node.location);
    return;
  }
  // Nothing to open: say so, and show what the catalog knows.
  const card = await lens.requests.send(CardRequest, { entityId });
  const detail = card ? plainCard(card.markdown) : undefined;
  const choice = await vscode.window.showInformationMessage(
    `The indexed corpus does not mention ${node.entity.name}.`,
    { modal: true, ...(detail ? { detail } : {}) },
    ...(card?.catalog ? ['Open Catalog Entry'] : []),
  );
  if (choice && card?.catalog) await openPassage(lens, card.catalog);
}

/** Shows an entity (from the Entities view, or under the cursor, or picked) in the Chronology view. */
async function showInChronology(lens: CommandContext, arg: unknown): Promise<void> {
  const entityId = await entityOf(lens, arg);
  if (!entityId) return;
  lens.chronology.showEntity(entityId);
  await vscode.commands.executeCommand('corpusLens.chronology.focus');
}

/** The card as plain text for a dialog: no emphasis marks, links as their labels. */
export function plainCard(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|\*/g, '')
    .replace(/\\([\\`*_[\]<>])/g, '$1')
    .replace(/^> /gm, '')
    .replace(/ {2}\n/g, '\n');
}

/** The entity a command acts on: given by id or as an Entities tree node, else the one under the cursor, else one picked. */
async function entityOf(lens: CommandContext, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  return (arg as { entity?: EntitySummary } | undefined)?.entity?.id ?? (await entityAtCursor(lens)) ?? (await pickEntity(lens));
}

async function entityAtCursor(lens: CommandContext): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const entity = await lens.requests.send(EntityAtRequest, {
    textDocument: { uri: editor.document.uri.toString() },
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  });
  return entity?.id;
}

async function pickEntity(lens: CommandContext): Promise<string | undefined> {
  const entities = await lens.entities.entities();
  const items = entities
    .slice()
    .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name))
    .map((entity) => ({
      label: `$(${KIND_ICONS[entity.kind]}) ${entity.name}`,
      description: `${entity.kind} \u00b7 ${plural(entity.mentionCount, 'mention')}`,
      ...(entity.aliases.length ? { detail: `Also: ${entity.aliases.join(', ')}` } : {}),
      id: entity.id,
    }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Reveal Entity', matchOnDescription: true, matchOnDetail: true, placeHolder: 'Type a name, an alias or a kind' });
  return picked?.id;
}

/** The card a command opens: an entity id and edition (a card's link, an Entities node), else the one under the cursor. */
function cardParamsOf(arg: unknown): { entityId: string; edition?: number } | undefined {
  const given = arg as { entityId?: unknown; edition?: unknown; entity?: EntitySummary } | undefined;
  if (typeof given?.entityId === 'string') return typeof given.edition === 'number' ? { entityId: given.entityId, edition: given.edition } : { entityId: given.entityId };
  return given?.entity ? { entityId: given.entity.id } : undefined;
}
