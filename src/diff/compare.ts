/**
 * `diffDocuments`: compare two parsed documents.
 * - overview: sections, body elements and footnotes aligned (a version diff), key actions,
 *   and the actors and instruments named on one side only;
 * - actions: the key actions aligned, with word-level changes;
 * - coverage: for each key action of A, its uptake in B's passages.
 */
import type { Document } from '../document/model.js';
import { coverage, coverageThresholds } from './coverage.js';
import { entityDifference } from './entities.js';
import type { DiffResult, DocumentRef } from './result.js';
import { alignUnits, countRows, isDifference } from './rows.js';
import { TermSpace } from './terms.js';
import { allTermBags, bodyUnits, keyActionUnits, noteUnits } from './units.js';
import { DEFAULT_THRESHOLD } from './threshold.js';
import { alignSections } from './versions.js';

export type DiffMode = DiffResult['mode'];

export { DEFAULT_THRESHOLD };

export interface DiffOptions {
  mode: DiffMode;
  threshold?: number;
}

const documentRef = (doc: Document): DocumentRef => ({ id: doc.id, title: doc.metadata.title, path: doc.source.path });

export function diffDocuments(a: Document, b: Document, options: DiffOptions): DiffResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const space = new TermSpace([...allTermBags(a), ...allTermBags(b)]);
  const thresholds = coverageThresholds(threshold);
  const actors = entityDifference(a, b, 'actor');
  const instruments = entityDifference(a, b, 'instrument');
  const base = { a: documentRef(a), b: documentRef(b), mode: options.mode, thresholds: { align: threshold, takenUp: thresholds.takenUp }, actors, instruments };

  if (options.mode === 'coverage') {
    const rows = coverage(a, b, space, thresholds);
    return { ...base, differences: rows.some((r) => r.status !== 'taken-up'), actions: null, sections: null, elements: null, notes: null, coverage: rows };
  }
  const actionRows = alignUnits(keyActionUnits(a), keyActionUnits(b), space, threshold);
  const actions = { counts: countRows(actionRows), rows: actionRows };
  if (options.mode === 'actions') {
    return { ...base, differences: actionRows.some(isDifference), actions, sections: null, elements: null, notes: null, coverage: null };
  }
  const elements = alignUnits(bodyUnits(a), bodyUnits(b), space, threshold);
  const notes = alignUnits(noteUnits(a), noteUnits(b), space, threshold);
  const sections = alignSections(a, b, elements, space, threshold);
  const differences = [elements, notes, sections].some((rows) => rows.some(isDifference));
  return { ...base, differences, actions, sections, elements, notes, coverage: null };
}
