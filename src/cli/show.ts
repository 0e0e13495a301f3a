/**
 * `smuggle-corpus show <doc>`: the outline of a parsed document (sections with their source
 * lines and counts, key-action lists with their groups, the other layers), or the whole typed
 * document with --json.
 */
import type { ChalkInstance } from 'chalk';
import { parseDocument } from '../document/build.js';
import { corpusContextOptions, createParseContext } from '../document/context.js';
import { openCorpus, readDocumentArg } from '../document/corpus.js';
import type { Block, Document, KeyActionList, Section } from '../document/model.js';
import { walkBlocks } from '../document/walk.js';
import { outputChoice, painter, selectOne, write, writeJson } from './output.js';
import { workspace } from './workspace.js';

export async function runShow(args: string[], options: Record<string, unknown>): Promise<number> {
  const ws = workspace(options);
  const corpus = openCorpus(ws.corpusDir);
  const source = await readDocumentArg(args[0]!, corpus, ws.maxBytes);
  const ctx = createParseContext(corpusContextOptions(corpus, ws));
  const doc = parseDocument({ bytes: source.bytes, path: source.display, id: source.id, ...(source.entry ? { manifest: source.entry } : {}) }, ctx);
  const choice = outputChoice(options);
  if (choice.format !== 'text') {
    await writeJson(selectOne(doc, choice.fields));
    return 0;
  }
  const c = await painter(options);
  const lines = [...header(doc, c)];
  if (options.notes) lines.push(...notesListing(doc, c));
  else if (options.actions) lines.push(...actionsListing(doc, c));
  else if (options.layers) lines.push(...layersListing(doc, c));
  else lines.push(...outline(doc.body, 0, c), '', ...summary(doc, c));
  await write(`${lines.join('\n')}\n`);
  return 0;
}

function header(doc: Document, c: ChalkInstance): string[] {
  const m = doc.metadata;
  const s = doc.stats;
  return [
    `${c.bold(doc.id)}  ${m.title ?? ''}`,
    c.dim([m.kind, m.date, m.reference ?? m.subject, `${doc.source.path} (${doc.source.lines} lines${doc.source.wrapped ? ', re-flowed' : ''})`].filter(Boolean).join(' · ')),
    `${s.sections} sections · ${s.paragraphs} paragraphs · ${s.footnotes} footnotes (${s.noteRefs} references) · ${s.keyActionLists} key-action lists (${s.keyActions} actions) · ${s.mentions} mentions`,
    '',
  ];
}

const lineNo = (n: number, c: ChalkInstance) => c.dim(`L${String(n).padEnd(5)}`);

function counts(section: Section): string {
  let paragraphs = 0;
  let refs = 0;
  let actions = 0;
  walkBlocks(section.children, section, (node) => {
    if (node.type === 'paragraph' || node.type === 'list-item') paragraphs++;
    if (node.type === 'key-action') actions++;
    refs += node.noteRefs.length;
  });
  const own = section.children.filter((b) => b.type !== 'section').length;
  return [own ? `${paragraphs} ¶` : '', refs ? `${refs} notes` : '', actions ? `${actions} actions` : ''].filter(Boolean).join(', ');
}

function outline(blocks: readonly Block[], depth: number, c: ChalkInstance): string[] {
  const out: string[] = [];
  const pad = '  '.repeat(depth);
  for (const b of blocks) {
    if (b.type === 'section') {
      const h = b.heading;
      const label = h.kind === 'question' ? c.italic(h.text) : h.kind === 'numbered' ? c.bold(h.text) : h.text;
      const info = counts(b);
      out.push(`${lineNo(h.span.startLine, c)}${pad}${label}${info ? c.dim(`  (${info})`) : ''}`);
      out.push(...outline(b.children, depth + 1, c));
    } else if (b.type === 'key-action-list') {
      out.push(...keyActionOutline(b, pad, c));
    } else if (b.type === 'list') {
      out.push(`${lineNo(b.span.startLine, c)}${pad}${c.dim(`• list of ${b.items.length} items`)}`);
    } else if (b.role === 'front-matter' || b.role === 'signature') {
      out.push(`${lineNo(b.span.startLine, c)}${pad}${c.dim(`${b.role}: ${truncate(b.text, 70)}`)}`);
    }
  }
  return out;
}

function keyActionOutline(list: KeyActionList, pad: string, c: ChalkInstance): string[] {
  const total = list.topics.reduce((n, t) => n + t.groups.reduce((m, g) => m + g.actions.length, 0), 0);
  const out = [`${lineNo(list.span.startLine, c)}${pad}${c.green('▸')} ${c.green(list.heading.text)} ${c.dim(`(${total} key actions)`)}`];
  for (const topic of list.topics) {
    if (topic.heading) out.push(`${lineNo(topic.heading.span.startLine, c)}${pad}    ${topic.heading.text}`);
    for (const g of topic.groups) {
      const lead = g.leadIn ? g.leadIn.text : c.dim('(no lead-in)');
      const line = g.leadIn?.span.startLine ?? g.actions[0]?.span.startLine ?? list.span.startLine;
      out.push(`${lineNo(line, c)}${pad}${topic.heading ? '      ' : '    '}${lead} ${c.dim(`×${g.actions.length}`)}`);
    }
  }
  return out;
}

function summary(doc: Document, c: ChalkInstance): string[] {
  const byKind = new Map<string, number>();
  for (const f of doc.furniture) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').length;
  return [
    `${c.bold('Other layers')}: ${doc.notes.length} notes · ${doc.boxes.length} boxes${doc.boxes.length ? ` (L${doc.boxes.map((b) => b.span.startLine).join(', L')})` : ''} · ${doc.captions.length} captions · ${doc.furniture.length} furniture${byKind.size ? ` (${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')})` : ''} · ${doc.pageBreaks.length} page breaks`,
    `${c.bold('Citations')}: ${doc.citations.length ? [...new Set(doc.citations.map((x) => x.document))].join(', ') : 'none'}`,
    `${c.bold('Diagnostics')}: ${errors} errors, ${warnings} warnings (run validate for the list)`,
  ];
}

function notesListing(doc: Document, c: ChalkInstance): string[] {
  return doc.notes.map((n) => `${lineNo(n.span.startLine, c)}${c.bold(n.marker.padStart(3))} ${truncate(n.text, 100)}  ${c.dim(`← ${n.referencedBy.join(', ') || 'not referenced'}`)}`);
}

function actionsListing(doc: Document, c: ChalkInstance): string[] {
  const out: string[] = [];
  walkBlocks(doc.body, null, (node) => {
    if (node.type !== 'key-action') return;
    const actors = node.actors.map((a) => `${a.entity}:${a.role}`).join(' ');
    out.push(`${lineNo(node.span.startLine, c)}${c.bold(node.id)}`);
    out.push(`       ${truncate(node.text, 110)}`);
    out.push(`       ${c.dim(`${node.modality}${node.deadline ? ` · due ${node.deadline.text}` : ''}${actors ? ` · ${actors}` : ''}`)}`);
  });
  return out;
}

function layersListing(doc: Document, c: ChalkInstance): string[] {
  return [
    ...doc.boxes.map((b) => `${lineNo(b.span.startLine, c)}${c.magenta('box')}       ${truncate(b.text, 90)}${b.interrupts ? c.dim(` (inside ${b.interrupts})`) : ''}`),
    ...doc.captions.map((x) => `${lineNo(x.span.startLine, c)}${c.magenta('caption')}   ${truncate(x.text, 90)}`),
    ...doc.furniture.map((f) => `${lineNo(f.span.startLine, c)}${c.magenta(f.kind.padEnd(10))}${truncate(f.text, 80)}`),
    ...doc.pageBreaks.map((p) => `${lineNo(p.line, c)}${c.magenta('page break')}${c.dim(` ${p.evidence.join('+')}${p.interrupted ? ` inside ${p.interrupted}` : ''}`)}`),
  ].sort((a, b) => lineOf(a) - lineOf(b));
}

const lineOf = (s: string) => Number(/L(\d+)/.exec(s)?.[1] ?? 0);
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
