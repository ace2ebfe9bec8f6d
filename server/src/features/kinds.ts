// How entity and passage kinds show up as LSP completion and symbol kinds (and so as icons).

import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type { EntityKind, PassageKind } from '../core/model';

const COMPLETION_KINDS: Record<EntityKind, CompletionItemKind> = {
  organization: CompletionItemKind.Class,
  body: CompletionItemKind.Module,
  operation: CompletionItemKind.Event,
  exercise: CompletionItemKind.Struct,
  state: CompletionItemKind.Enum,
  person: CompletionItemKind.Reference,
  document: CompletionItemKind.File,
};

const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  organization: SymbolKind.Class,
  body: SymbolKind.Module,
  operation: SymbolKind.Event,
  exercise: SymbolKind.Struct,
  state: SymbolKind.Enum,
  person: SymbolKind.Object,
  document: SymbolKind.File,
};

const PASSAGE_SYMBOL_KINDS: Record<PassageKind, SymbolKind> = {
  news: SymbolKind.Event,
  article: SymbolKind.Module,
  section: SymbolKind.Namespace,
  byline: SymbolKind.Property,
  boilerplate: SymbolKind.Null,
};

export function completionKind(kind: EntityKind): CompletionItemKind {
  return COMPLETION_KINDS[kind];
}

export function entitySymbolKind(kind: EntityKind): SymbolKind {
  return SYMBOL_KINDS[kind];
}

export function passageSymbolKind(kind: PassageKind): SymbolKind {
  return PASSAGE_SYMBOL_KINDS[kind];
}
