// The workspace catalog as the handlers see it: whether a document is it, its text as the editor
// has it (with its version) or as the disk has it, or why it must not be touched; and the catalog
// files whose entries can be shown (the workspace's, then the bundled one).

import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeCatalog } from './core/text/decode';
import { toPath, toUri } from './core/text/uris';
import type { WorkspaceCatalog } from './features/context';
import type { WorkspaceHost } from './runtime';

export interface CatalogAccess {
  isCatalog(uri: string): boolean;
  catalog(): WorkspaceCatalog | undefined;
  catalogFiles(): { uri: string; text: string }[];
}

/** `host` gives the workspace's host once the server is initialized. */
export function catalogAccess(host: () => WorkspaceHost | undefined, documents: TextDocuments<TextDocument>): CatalogAccess {
  let bundled: { uri: string; text: string } | null | undefined;
  const isCatalog = (uri: string) => {
    const target = host()?.catalogUri();
    if (!target) return false;
    // The client may spell a uri differently (encoding): the index's spelling decides.
    const path = uri === target ? undefined : toPath(uri);
    return uri === target || (!!path && toUri(path) === target);
  };
  const catalog = (): WorkspaceCatalog | undefined => {
    const workspace = host();
    if (!workspace) return undefined;
    const uri = workspace.catalogUri();
    const refused = workspace.catalogRefusal();
    if (refused) return { uri, refused };
    if (!uri) return undefined;
    // The editor's text wins over the disk's: a fix must fit the text the analyst sees.
    const open = documents.get(uri) ?? documents.all().find((doc) => isCatalog(doc.uri));
    if (open) return { uri: open.uri, text: open.getText(), version: open.version };
    try {
      return { uri, text: decodeCatalog(workspace.readFileNow(uri).bytes), version: null };
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { uri, text: undefined, version: null };
      return { uri, refused: `The workspace catalog ${toPath(uri)} cannot be read (${(error as Error).message}).` };
    }
  };
  const catalogFiles = () => {
    const files: { uri: string; text: string }[] = [];
    const workspace = catalog();
    if (workspace && 'text' in workspace && workspace.text !== undefined) files.push({ uri: workspace.uri, text: workspace.text });
    const current = host();
    if (bundled === undefined && current) {
      const uri = current.bundledCatalogUri();
      try {
        bundled = { uri, text: decodeCatalog(current.readFileNow(uri).bytes) };
      } catch {
        bundled = null;
      }
    }
    if (bundled) files.push(bundled);
    return files;
  };
  return { isCatalog, catalog, catalogFiles };
}
