/** Shared test helpers: the shipped registry, its matcher and the seed documents. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRegistry } from '../../src/entities/compiled.js';
import { createMatcher, type Matcher, type TextMention } from '../../src/entities/matcher.js';
import { formatProblem, loadRegistry } from '../../src/entities/registry-load.js';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string) => join(projectRoot, 'tests', 'entities', 'fixtures', name);

let shipped: CompiledRegistry | undefined;
let matcher: Matcher | undefined;

export function shippedRegistry(): CompiledRegistry {
  if (!shipped) {
    const { registry, problems } = loadRegistry();
    if (!registry) throw new Error(`shipped registry does not load:\n${problems.map(formatProblem).join('\n')}`);
    shipped = registry;
  }
  return shipped;
}

export function shippedMatcher(): Matcher {
  matcher ??= createMatcher(shippedRegistry(), {
    documents: [
      { id: 'com-2021-591', reference: 'COM(2021) 591 final' },
      { id: 'kst-28638-235', reference: 'Kamerstuk 28 638, nr. 235' },
      { id: 'com-2021-171', reference: 'COM(2021) 171 final' },
    ],
  });
  return matcher;
}

/** The text of seed document `prefix` (`000` ... `004`) as shipped in corpus/. */
export function seedText(prefix: string): string {
  const dir = join(projectRoot, 'corpus');
  const name = readdirSync(dir).find((file) => file.startsWith(`${prefix}_`) && file.endsWith('.txt'));
  if (!name) throw new Error(`no seed document ${prefix}_*.txt in ${dir}`);
  return readFileSync(join(dir, name), 'utf8');
}

/** Line `n` (1-based) of seed document `prefix`. */
export function seedLine(prefix: string, n: number): string {
  const line = seedText(prefix).split('\n')[n - 1];
  if (line === undefined) throw new Error(`${prefix} has no line ${n}`);
  return line;
}

/** `entity surface match` triples, compact for assertions. */
export function summary(mentions: readonly TextMention[]): Array<[string, string, string]> {
  return mentions.map((m) => [m.entity, m.surface, m.match]);
}

/** The mention whose surface is `surface` (the first one). */
export function mentionOf(mentions: readonly TextMention[], surface: string): TextMention | undefined {
  return mentions.find((m) => m.surface === surface);
}
