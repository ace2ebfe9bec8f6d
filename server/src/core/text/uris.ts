// Uris and file paths: the index names files by their file: uri in one spelling; a uri of another
// scheme has no path.

import { URI } from 'vscode-uri';

export function toUri(path: string): string {
  return URI.file(path).toString();
}

export function toPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
