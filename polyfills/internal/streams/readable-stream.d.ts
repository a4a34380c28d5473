// readable-stream ships no types; stream.ts casts it to node:stream's.
declare module 'readable-stream' {
  const value: unknown;
  export default value;
}

declare module 'readable-stream/lib/internal/streams/utils.js' {
  const value: unknown;
  export default value;
}
