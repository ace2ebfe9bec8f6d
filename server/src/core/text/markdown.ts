// Text from documents, notes and catalogs put into Markdown (hover cards, completion
// documentation, tree and status tooltips): shown as written, never read as Markdown.

/** Control characters but tab and line breaks: NUL and the like, shown as a replacement mark. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Direction overrides and isolates, which can make text read otherwise than it is written. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes what would start emphasis, code, links, images or HTML, and what a renderer would turn
 * into a link by itself (a bare "https://" or "www."); drops direction overrides and shows other
 * control characters as U+FFFD.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '\ufffd')
    .replace(BIDI_CONTROL, '')
    .replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}
