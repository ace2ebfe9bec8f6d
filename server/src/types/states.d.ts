// The UN member states, reduced from the world-countries package at build time (see esbuild.mjs).
declare module 'corpus-lens:states' {
  const states: {
    /** ISO 3166-1 alpha-3, lower case: "irn". */
    code: string;
    name: string;
    official: string;
    other: string[];
    /** "Iranian"; empty when the data has none. */
    adjective: string;
  }[];
  export default states;
}
