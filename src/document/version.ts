/**
 * The parser's version: part of every document and of the store's cache key, so a change in how
 * documents are parsed makes `ingest` parse them again. Bump it with every change to the output.
 */
export const PARSER_VERSION = '1.0.1';
