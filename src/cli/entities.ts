/**
 * `smuggle-corpus actors` and `smuggle-corpus instruments`: every entity with its type and its
 * number of mentions per document, as a matrix on a terminal and as JSON or CSV for scripts
 * (the same numbers); --forms adds the surface forms seen for each entity.
 */
import type { ChalkInstance } from 'chalk';
import type { CompiledEntity } from '../entities/compiled.js';
import { walkMentions } from '../document/walk.js';
import type { StoreReader } from '../store/reader.js';
import { outputChoice, painter, toCsv, write, writeJson } from './output.js';
import { withDocumentsStore } from './store-access.js';
import { workspace } from './workspace.js';

interface EntityCounts {
  id: string;
  label: string;
  type: string;
  parent: string | null;
  total: number;
  documents: Record<string, number>;
  forms?: Record<string, number>;
}

export const runActors = (args: string[], options: Record<string, unknown>) => runEntities('actor', options);
export const runInstruments = (args: string[], options: Record<string, unknown>) => runEntities('instrument', options);

async function runEntities(kind: 'actor' | 'instrument', options: Record<string, unknown>): Promise<number> {
  return withDocumentsStore(workspace(options), async (store, wanted) => {
    const docs = store.index.order.filter((id) => !wanted || wanted.has(id));
    const counts = countMentions(store, kind, docs, options.forms === true);
    const choice = outputChoice(options);
    if (choice.format === 'json') await writeJson(counts);
    else if (choice.format === 'csv') {
      await write(await toCsv(counts.map((c) => ({ id: c.id, label: c.label, type: c.type, parent: c.parent, total: c.total, ...c.documents }))));
    } else await write(matrix(counts, docs, await painter(options)));
    return counts.length > 0 ? 0 : 1;
  });
}

/** Mentions of each entity of one kind, per document, most mentioned first. */
function countMentions(store: StoreReader, kind: 'actor' | 'instrument', docs: readonly string[], withForms: boolean): EntityCounts[] {
  const registry = new Map<string, CompiledEntity>(store.registry().entities.map((e) => [e.id, e]));
  const byId = new Map<string, EntityCounts>();
  for (const docId of docs) {
    walkMentions(store.document(docId), kind, ({ entity: id, surface }) => {
      let c = byId.get(id);
      if (!c) {
        const e = registry.get(id);
        c = { id, label: e?.label.nl ?? id, type: e?.type ?? 'unlisted', parent: e?.parent ?? null, total: 0, documents: Object.fromEntries(docs.map((d) => [d, 0])) };
        if (withForms) c.forms = {};
        byId.set(id, c);
      }
      c.total++;
      c.documents[docId]!++;
      if (c.forms) c.forms[surface] = (c.forms[surface] ?? 0) + 1;
    });
  }
  return [...byId.values()].sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
}

function matrix(counts: EntityCounts[], docs: readonly string[], c: ChalkInstance): string {
  const width = Math.max(12, ...counts.map((x) => x.id.length));
  const cols = docs.map((d, i) => ({ id: d, head: `D${i + 1}` }));
  const lines = [
    cols.map((col) => c.dim(`${col.head} = ${col.id}`)).join('\n'),
    '',
    `${'entity'.padEnd(width)} ${'type'.padEnd(26)} ${cols.map((col) => col.head.padStart(5)).join('')} ${'total'.padStart(6)}`,
  ];
  for (const x of counts) {
    const cells = docs.map((d) => (x.documents[d] ? String(x.documents[d]).padStart(5) : c.dim('    ·'))).join('');
    lines.push(`${c.bold(x.id.padEnd(width))} ${c.dim(x.type.padEnd(26))} ${cells} ${String(x.total).padStart(6)}`);
    if (x.forms) {
      const forms = Object.entries(x.forms).sort((a, b) => b[1] - a[1]);
      lines.push(`${' '.repeat(width + 1)}${c.dim(forms.map(([f, n]) => `${f} ×${n}`).join(' · '))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
