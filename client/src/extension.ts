// Activation only builds the CorpusLens object, which owns everything else and disposes it.

import type * as vscode from 'vscode';
import { CorpusLens, type CorpusLensApi } from './corpusLens';

let corpusLens: CorpusLens | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CorpusLensApi> {
  corpusLens = new CorpusLens(context);
  context.subscriptions.push(corpusLens);
  await corpusLens.start();
  return corpusLens.api;
}

export async function deactivate(): Promise<void> {
  await corpusLens?.stop();
  corpusLens = undefined;
}
