/**
 * A synthetic corpus for the benchmark: documents made by recombining and perturbing the
 * sections of the five real documents (other actors named, numbers and years changed, sections
 * shuffled and renumbered), deterministic for a given seed.
 *
 *   node scripts/bench/synthesize.mjs <out-dir> [documents=10000] [seed=1]
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** mulberry32: a small deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTOR_FORMS = [
  'Frontex',
  'het Europees Grens- en kustwachtagentschap (Frontex)',
  'de EGKW',
  'Europol',
  'het Europees Centrum tegen migrantensmokkel (EMSC)',
  'Eurojust',
  'Cepol',
  'het EASO',
  'Interpol',
  'het UNODC',
  'de Internationale Organisatie voor Migratie (IOM)',
  'de Koninklijke Marechaussee',
  'de politie',
  'het Openbaar Ministerie',
  'de Europese Arbeidsautoriteit',
];
const REPLACEABLE = /\b(Frontex|Europol|Eurojust|Cepol|Interpol|UNODC|EASO|KMar|Eurostat)\b/g;

/** The sections of a text: cut before numbered headings, or into runs of paragraphs. */
function sectionsOf(text) {
  const lines = text.split('\n');
  const out = [];
  let current = [];
  for (const line of lines) {
    if (/^\d+(\.\d+)*\.?\s+\p{Lu}/u.test(line) && current.length > 0 && current.join('\n').length > 400) {
      out.push(current.join('\n'));
      current = [];
    }
    current.push(line);
    if (current.length > 40 && line.trim() === '') {
      out.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) out.push(current.join('\n'));
  return out.filter((s) => s.trim().length > 200);
}

function perturb(section, random, number) {
  let text = section.replace(/^\d+(\.\d+)*\.?(?=\s+\p{Lu})/mu, number);
  text = text.replace(REPLACEABLE, (m) => (random() < 0.35 ? ACTOR_FORMS[Math.floor(random() * ACTOR_FORMS.length)] : m));
  text = text.replace(/\b(20[12]\d)\b/g, (y) => (random() < 0.2 ? String(Number(y) + Math.floor(random() * 5) - 2) : y));
  return text;
}

export function synthesize(outDir, count = 10000, seed = 1, targetBytes = 30 * 1024) {
  const corpus = join(root, 'corpus');
  const seeds = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(corpus, f), 'utf8'));
  const pool = seeds.flatMap(sectionsOf);
  const random = prng(seed);
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const parts = [`Brussel, ${1 + Math.floor(random() * 28)}.${1 + Math.floor(random() * 12)}.20${21 + Math.floor(random() * 4)}`, `COM(20${21 + Math.floor(random() * 4)}) ${100 + Math.floor(random() * 800)} final`, '', `Synthetisch document ${i + 1} over migrantensmokkel en mensenhandel`, ''];
    let size = parts.join('\n').length;
    for (let n = 1; size < targetBytes; n++) {
      const section = perturb(pool[Math.floor(random() * pool.length)], random, `${n}.`);
      parts.push(section, '');
      size += section.length + 1;
    }
    const text = parts.join('\n');
    writeFileSync(join(outDir, `doc-${String(i + 1).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { documents: count, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, count = '10000', seed = '1'] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: node scripts/bench/synthesize.mjs <out-dir> [documents] [seed]\n');
    process.exit(2);
  }
  const r = synthesize(out, Number(count), Number(seed));
  process.stdout.write(`${r.documents} documents, ${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${out}\n`);
}
