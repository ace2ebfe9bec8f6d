// The UN member states, reduced from the world-countries package at build time (see esbuild.mjs).
declare module 'corpus-lens:states' {
  const states: {
    /** ISO 3166-1 alpha-3, lower case: "irn". */
    code: string;
    name: string;
    official: string;
    other: string[];
    /** "Iranian"; "Kazakhstani" and "Kazakh"; none when the data has none. */
    adjectives: string[];
    /** The initials the press writes: "USA", "US", "UAE"; none for most states. */
    initials: string[];
  }[];
  export default states;
}
