// The catalog's mentions a first index's names pass found, kept by the worker and handed to the
// file's full analysis: the analysis must be the one made from scratch, for every kind of text
// the project has (the seed corpus, the eval sets' English and Russian pages), and a file whose
// bytes changed between the passes is matched again.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogMentions } from '../../server/src/core/analysis/analyseDocument';
import { analyseFile, type FileAnalysis } from '../../server/src/core/analysis/analyseFile';
import { namesOfFile } from '../../server/src/core/analysis/analyseNames';
import { KeptCatalogNames } from '../../server/src/core/analysis/keptNames';
import { Knowledge } from '../../server/src/core/analysis/knowledge';
import { plainSnapshot, toSnapshot } from '../../server/src/core/index/snapshot';
import { Interner } from '../../server/src/core/text/strings';
import { splitWords } from '../../server/src/core/text/words';
import { bundledCatalog, CORPUS, REPO_ROOT } from './helpers';

const hash = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64');

function textFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(txt|md)$/.test(name) ? [path] : [];
  });
}

const files = [...textFiles(CORPUS), ...textFiles(join(REPO_ROOT, 'test', 'eval'))];

function snapshotOf(result: FileAnalysis) {
  assert.equal(result.kind, 'analysed');
  return result.kind === 'analysed' ? plainSnapshot(toSnapshot(result.document)) : undefined;
}

describe('catalog mentions kept from the names pass', () => {
  const knowledge = new Knowledge(bundledCatalog());
  const options = (path: string) => ({ knowledge, maxFileBytes: 1 << 22, embedded: false, fallbackTitle: path.split('/').pop()!, hash, interner: new Interner(false) });

  it('give every file the analysis made without them', () => {
    assert.ok(files.length > 200, `${files.length} files`);
    const kept = new KeptCatalogNames();
    let reused = 0;
    for (const path of files) {
      const uri = `file://${path}`;
      const bytes = readFileSync(path);
      namesOfFile(bytes, uri, { ...options(path), keep: (mentions) => kept.keep(uri, hash(bytes), mentions) });
      const taken = analyseFile(bytes, uri, { ...options(path), catalogMentions: (contentHash, text) => {
        const found = kept.take(uri, contentHash, text, knowledge);
        if (found) reused++;
        return found;
      } });
      assert.deepEqual(snapshotOf(taken), snapshotOf(analyseFile(bytes, uri, options(path))), path);
    }
    assert.equal(reused, files.length, 'every file took its kept mentions');
    assert.equal(kept.size, 0, 'each kept entry taken once');
  });

  it('give back each mention field for field, the other entities a name may stand for included', () => {
    const text = 'The Collective Security Council met; Rubezh-2021 began in Kazakhstan.';
    const found = catalogMentions(text, knowledge, 'corpus', splitWords(text));
    assert.ok(found.some((m) => m.edition === 2021) && found.some((m) => m.discovered === undefined));
    // A name two entities share, as the matcher marks it when the text does not tell them apart.
    found[0].alternatives = ['csto'];
    const kept = new KeptCatalogNames();
    kept.keep('file:///a.txt', 'h', found);
    const expected = JSON.parse(JSON.stringify(found));
    assert.deepEqual(JSON.parse(JSON.stringify(kept.take('file:///a.txt', 'h', text, knowledge))), expected);
    assert.equal(kept.take('file:///a.txt', 'h', text, knowledge), undefined, 'taken once');
  });

  it('are not taken for a file whose bytes changed since: it is matched again', () => {
    const path = files.find((f) => f.startsWith(CORPUS))!;
    const uri = `file://${path}`;
    const before = readFileSync(path);
    const kept = new KeptCatalogNames();
    namesOfFile(before, uri, { ...options(path), keep: (mentions) => kept.keep(uri, hash(before), mentions) });
    const after = Buffer.from(before.toString('utf8').replace(/\n/, '\nThe Collective Security Council met.\n'));
    let given: unknown = 'not asked';
    const result = analyseFile(after, uri, { ...options(path), catalogMentions: (contentHash, text) => (given = kept.take(uri, contentHash, text, knowledge)) as undefined });
    assert.equal(given, undefined);
    assert.equal(kept.size, 0, 'the stale entry is dropped');
    assert.deepEqual(snapshotOf(result), snapshotOf(analyseFile(after, uri, options(path))));
  });
});
