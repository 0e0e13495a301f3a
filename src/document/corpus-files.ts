/**
 * Which files of a corpus folder are documents, and unique ids for them. Kept free of imports so
 * the store's freshness check can use it without loading the manifest machinery (yaml, zod).
 */

/** A text file of the corpus folder that is a document (not its README). */
export function isCorpusTextFile(name: string): boolean {
  return /\.(txt|md|text)$/i.test(name) && !/^readme\./i.test(name);
}

/** `base`, or `base-2`, `base-3` ... the first that is not taken; the result is added to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
