/**
 * The corpus manifest (`corpus/manifest.yaml`): per-document metadata that overrides what the
 * parser detects. Validated with zod; problems are positioned messages. Ids and file names are
 * checked so that they can never escape the corpus folder or the store.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { formatProblem, readYamlFile, type FileProblem } from '../util/yaml-file.js';
import { DocumentKind } from './model.js';

export const MANIFEST_FILE = 'manifest.yaml';
/** Room for tens of thousands of entries; more is refused rather than read into memory. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
export const DocumentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,119}$/, 'an id is lower-case letters, digits, ".", "_" and "-", starting with a letter or digit')
  .refine((id) => !RESERVED.test(id) && !id.includes('..'), 'a reserved name or ".." is not a valid id');

const RelativeFile = z
  .string()
  .min(1)
  .refine((f) => !f.includes('\u0000') && !f.startsWith('/') && !/^[a-z]:/i.test(f) && !f.split(/[\\/]/).includes('..'), {
    message: 'file must be a path inside the corpus folder (no "..", no absolute path)',
  });

export const ManifestEntry = z
  .strictObject({
    id: DocumentId,
    file: RelativeFile,
    title: z.string().min(1),
    kind: DocumentKind,
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable(),
    reference: z.string().nullable(),
    subject: z.string().nullable().optional(),
    language: z.string().default('nl'),
    source: z.string().nullable(),
  })
  .meta({ id: 'ManifestEntry' });
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const ManifestFile = z
  .strictObject({
    version: z.literal(1),
    documents: z.array(ManifestEntry),
  })
  .meta({ id: 'Manifest', title: 'smuggle-corpus corpus manifest' });
export type ManifestFile = z.infer<typeof ManifestFile>;

export interface Manifest {
  dir: string;
  entries: ManifestEntry[];
}

/** Reads `dir/manifest.yaml`; a missing manifest is an empty one. */
export function loadManifest(dir: string): { manifest: Manifest; problems: FileProblem[] } {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { manifest: { dir, entries: [] }, problems: [] };
  const { parsed, problems } = readYamlFile(path, ManifestFile, { maxBytes: MAX_MANIFEST_BYTES });
  if (!parsed) return { manifest: { dir, entries: [] }, problems };
  const entries = parsed.data.documents;
  const seenIds = new Map<string, number>();
  const seenFiles = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (seenIds.has(entry.id)) problems.push(parsed.locator.problem(['documents', i, 'id'], `duplicate id "${entry.id}" (also entry ${seenIds.get(entry.id)! + 1})`));
    else seenIds.set(entry.id, i);
    if (seenFiles.has(entry.file)) problems.push(parsed.locator.problem(['documents', i, 'file'], `file "${entry.file}" is listed twice`));
    else seenFiles.set(entry.file, i);
    if (!existsSync(join(dir, entry.file))) problems.push(parsed.locator.problem(['documents', i, 'file'], `file "${entry.file}" does not exist`));
  });
  return { manifest: { dir, entries }, problems };
}

/** A document id for a file outside the manifest, from its name: "My Doc (v2).txt" -> "my-doc-v2". */
export function idFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[-.]+$/g, '')
    .slice(0, 100);
  const id = slug.length > 0 ? slug : 'document';
  return RESERVED.test(id) ? `doc-${id}` : id;
}

export function manifestProblemsText(problems: FileProblem[]): string {
  return problems.map(formatProblem).join('\n');
}
