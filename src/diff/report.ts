/**
 * The readable report of a comparison, for a terminal: what is only in A (red, "-"), only in B
 * (green, "+"), changed ("~", with word-level changes) or moved, with scores and source lines.
 * Without colour, word changes are marked as [-removed-] and {+inserted+}.
 */
import type { ChalkInstance } from 'chalk';
import type { AlignmentRow, CoverageRow, DiffResult, EntityDifference, SectionRow, WordChange } from './result.js';
import { countRows, isDifference } from './rows.js';

export interface ReportOptions {
  /** Show word-level changes of changed key actions (always shown in the overview). */
  words: boolean;
}

const INDENT = '      ';

export function renderReport(result: DiffResult, c: ChalkInstance, options: ReportOptions): string {
  const lines = [
    c.red(`--- A ${result.a.id}${result.a.title ? `  ${result.a.title}` : ''} (${result.a.path})`),
    c.green(`+++ B ${result.b.id}${result.b.title ? `  ${result.b.title}` : ''} (${result.b.path})`),
    '',
  ];
  if (result.coverage) lines.push(...coverageReport(result.coverage, result, c), '', ...entityReport(result, c));
  else if (result.mode === 'actions' && result.actions) lines.push(...actionsReport(result.actions.rows, c, options));
  else lines.push(...overviewReport(result, c), '', ...entityReport(result, c));
  lines.push('', result.differences ? 'The documents differ.' : 'No differences.');
  return `${lines.join('\n')}\n`;
}

function countsLine(rows: readonly { status: AlignmentRow['status']; moved: boolean }[]): string {
  const n = countRows(rows);
  return `${n.same} same · ${n.changed} changed · ${n.onlyA} only in A · ${n.onlyB} only in B · ${n.moved} moved`;
}

function overviewReport(result: DiffResult, c: ChalkInstance): string[] {
  const sections = result.sections ?? [];
  const elements = result.elements ?? [];
  const notes = result.notes ?? [];
  const out = [`${c.bold('Sections')}: ${countsLine(sections)}`];
  for (const s of sections.filter(isDifference)) {
    out.push(`  ${sectionLine(s, c)}`);
    if (s.a && s.b) out.push(...elements.filter((r) => isDifference(r) && isUnder(r, s)).flatMap((r) => elementLines(r, c)));
  }
  const outside = elements.filter((r) => isDifference(r) && !r.a?.section && !r.b?.section);
  if (outside.length) out.push(`  ${c.bold('outside sections')}`, ...outside.flatMap((r) => elementLines(r, c)));
  out.push(`${c.bold('Elements')}: ${countsLine(elements)}`);
  out.push(`${c.bold('Footnotes')} (compared by text, numbers ignored): ${countsLine(notes)}`, ...notes.filter(isDifference).flatMap((r) => elementLines(r, c)));
  if (result.actions) out.push(`${c.bold('Key actions')}: ${countsLine(result.actions.rows)} ${c.dim('(--actions lists them)')}`);
  return out;
}

/** A row is shown under the section pair of its B side (of its A side when it is only in A). */
const isUnder = (r: AlignmentRow, s: SectionRow) => (r.b ? r.b.section?.id === s.b?.id : r.a?.section?.id === s.a?.id);

function sectionLine(s: SectionRow, c: ChalkInstance): string {
  const label = (x: NonNullable<SectionRow['a']>) => [x.number, x.title].filter(Boolean).join(' ');
  if (!s.a) return c.green(`+ ${label(s.b!)}  only in B, L${s.b!.span.startLine}`);
  if (!s.b) return c.red(`- ${label(s.a)}  only in A, L${s.a.span.startLine}`);
  const title = s.titleWords ? renderWords(s.titleWords, c) : label(s.b);
  const flags = [s.status === 'changed' ? 'changed' : '', s.moved ? 'moved' : ''].filter(Boolean).join(', ');
  return `${c.yellow('~')} ${s.titleWords ? `${[s.a.number, s.b.number].filter(Boolean).join(' → ')} ${title}` : title}  ${c.dim(`A L${s.a.span.startLine} ↔ B L${s.b.span.startLine} · ${flags} · ${s.score?.toFixed(2)}`)}`;
}

function where(r: AlignmentRow): string {
  if (r.a && r.b) return `A L${r.a.span.startLine} ↔ B L${r.b.span.startLine}`;
  return r.a ? `A L${r.a.span.startLine}` : `B L${r.b!.span.startLine}`;
}

function elementLines(r: AlignmentRow, c: ChalkInstance): string[] {
  const type = (r.a ?? r.b)!.type;
  if (r.status === 'only-a') return [`    ${c.red(`- ${type}`)}  ${c.dim(where(r))}`, `${INDENT}${c.red(truncate(r.a!.text))}`];
  if (r.status === 'only-b') return [`    ${c.green(`+ ${type}`)}  ${c.dim(where(r))}`, `${INDENT}${c.green(truncate(r.b!.text))}`];
  const head = `    ${c.yellow(r.status === 'changed' ? `~ ${type}` : `↕ ${type} moved`)}  ${c.dim(`${where(r)} · ${r.score?.toFixed(2)}`)}`;
  if (!r.words) return [head];
  if (mostlyEqual(r.words)) return [head, `${INDENT}${renderWords(r.words, c)}`];
  return [head, `${INDENT}${c.red(`A: ${truncate(r.a!.text)}`)}`, `${INDENT}${c.green(`B: ${truncate(r.b!.text)}`)}`];
}

/** Word changes are readable when at least half of the text stays. */
function mostlyEqual(words: readonly WordChange[]): boolean {
  const length = (op: WordChange['op']) => words.filter((w) => w.op === op).reduce((n, w) => n + w.text.length, 0);
  return 2 * length('equal') >= length('equal') + Math.max(length('insert'), length('delete'));
}

function actionsReport(rows: readonly AlignmentRow[], c: ChalkInstance, options: ReportOptions): string[] {
  const out = [`${c.bold('Key actions')}: ${countsLine(rows)}`, ''];
  for (const r of rows) {
    const moved = r.moved ? c.cyan(' moved') : '';
    if (r.a && r.b) {
      const mark = r.status === 'same' ? c.dim(`= ${r.score!.toFixed(2)}`) : c.yellow(`~ ${r.score!.toFixed(2)}`);
      out.push(`${mark}  A L${String(r.a.span.startLine).padEnd(5)} ${r.a.id}${moved}`, `        B L${String(r.b.span.startLine).padEnd(5)} ${r.b.id}`);
      if (r.status === 'same') out.push(`${INDENT}  ${c.dim(truncate(r.a.text))}`);
      else if (options.words && r.words) out.push(`${INDENT}  ${renderWords(r.words, c)}`);
      else out.push(`${INDENT}  ${c.red(`A: ${truncate(r.a.text)}`)}`, `${INDENT}  ${c.green(`B: ${truncate(r.b.text)}`)}`);
    } else {
      const [side, ref, paint] = r.a ? (['- only in A', r.a, c.red] as const) : (['+ only in B', r.b!, c.green] as const);
      const nearest = r.nearest ? c.dim(`  nearest ${r.nearest.id} (${r.nearest.score.toFixed(2)})`) : '';
      out.push(`${paint(side)}  L${String(ref.span.startLine).padEnd(5)} ${ref.id}${nearest}`, `${INDENT}  ${paint(truncate(ref.text))}`);
    }
  }
  return out;
}

const UPTAKE_MARK = { 'taken-up': '✓ taken up', partly: '~ partly  ', absent: '✗ absent  ' } as const;

function coverageReport(rows: readonly CoverageRow[], result: DiffResult, c: ChalkInstance): string[] {
  const count = (s: CoverageRow['status']) => rows.filter((r) => r.status === s).length;
  const out = [
    `${c.bold('Coverage')} of the ${rows.length} key actions of A in B: ${count('taken-up')} taken up · ${count('partly')} partly · ${count('absent')} absent`,
    c.dim(`score: the share of the action's IDF-weighted terms found in B's best passage; partly ≥ ${result.thresholds.align}, taken up ≥ ${result.thresholds.takenUp}`),
    '',
  ];
  for (const r of rows) {
    const paint = r.status === 'taken-up' ? c.green : r.status === 'partly' ? c.yellow : c.red;
    out.push(`${paint(UPTAKE_MARK[r.status])} ${r.score.toFixed(2)}  A L${String(r.action.span.startLine).padEnd(5)} ${r.action.id}`, `${INDENT}${truncate(r.action.text)}`);
    if (r.passage) {
      const passage = `→ B L${r.passage.element.span.startLine} ${r.passage.element.id}: ${truncate(r.passage.text)}`;
      out.push(`${INDENT}${r.status === 'absent' ? c.dim(passage) : passage}`, `${INDENT}${c.dim(`shared: ${r.shared.join(', ')}`)}`);
    }
  }
  return out;
}

function entityReport(result: DiffResult, c: ChalkInstance): string[] {
  const list = (d: EntityDifference['onlyA']) => (d.length ? d.map((e) => `${e.entity} (${e.mentions})`).join(', ') : c.dim('none'));
  const kinds = [['Actors', result.actors], ['Instruments', result.instruments]] as const;
  return kinds.flatMap(([label, d]) => [`${c.bold(label)} only in A: ${list(d.onlyA)}`, `${c.bold(label)} only in B: ${list(d.onlyB)}`]);
}

function renderWords(changes: readonly WordChange[], c: ChalkInstance): string {
  return changes
    .map(({ op, text }) => {
      if (op === 'equal') return text;
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(text)!;
      const marked = c.level > 0 ? (op === 'insert' ? c.green.underline(core) : c.red.strikethrough(core)) : op === 'insert' ? `{+${core}+}` : `[-${core}-]`;
      return `${lead}${marked}${trail}`;
    })
    .join('');
}

const truncate = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
