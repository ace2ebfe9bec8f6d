// The Snowball stemmer for Russian from @nlpjs/lang-ru, which ships no types.
declare module '@nlpjs/lang-ru/src/stemmer-ru' {
  export default class StemmerRu {
    /** The stem of one lower-case word. */
    stemWord(word: string): string;
  }
}
