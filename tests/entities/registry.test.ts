import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createMatcher } from '../../src/entities/matcher.js';
import { formatProblem, loadRegistry, readRegistrySources, registryHash } from '../../src/entities/registry-load.js';
import { RegistryFile } from '../../src/entities/registry-schema.js';
import { phraseKeys } from '../../src/entities/tokenize.js';
import { fixture, shippedMatcher, shippedRegistry } from './helpers.js';

/** The ids another helper (key-action analysis) relies on. */
const REQUIRED_IDS = [
  'european-commission', 'council-of-the-eu', 'european-council', 'european-parliament', 'high-representative',
  'eeas', 'eu-delegations', 'eu', 'member-states', 'europol', 'emsc', 'europol-ich', 'eu-iru', 'frontex',
  'eurojust', 'cepol', 'easo', 'ela', 'eurostat', 'fra', 'unodc', 'iom', 'interpol', 'council-of-europe', 'greta',
  'kmar', 'politie', 'om', 'ind', 'nla', 'emm', 'mdt', 'ministry-jenv', 'ministry-bz', 'liec', 'ecid',
  'dutch-government', 'eu-agencies', 'partner-countries', 'third-countries', 'international-organisations',
  'civil-society', 'private-sector', 'law-enforcement-authorities', 'judicial-authorities',
];

const problemsOf = (file: string, options = {}) =>
  loadRegistry({ paths: [fixture(file)], ...options }).problems.map((problem) =>
    formatProblem({ ...problem, file: problem.file.replace(/^.*\//, '') }),
  );

describe('the shipped registry', () => {
  const registry = shippedRegistry();

  it('loads without problems from corpus/registry', () => {
    expect(registry.sources.map((source) => source.replace(/^.*\//, ''))).toEqual(['actors.yaml', 'instruments.yaml']);
    expect(registry.entities.length).toBeGreaterThan(150);
  });

  it('has unique kebab-case ids, including every id other modules rely on', () => {
    const ids = registry.entities.map((entity) => entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(REQUIRED_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('lets no name, alias, acronym, inflection or misspelling belong to two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entity of registry.entities) {
      for (const form of entity.forms) {
        const key = phraseKeys(form.text).join(' ');
        const first = owner.get(key);
        if (first && first !== entity.id) clashes.push(`${form.text}: ${first} / ${entity.id}`);
        owner.set(key, entity.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every parent an existing entity of the same kind', () => {
    const byId = new Map(registry.entities.map((entity) => [entity.id, entity]));
    for (const entity of registry.entities.filter((e) => e.parent !== null)) {
      expect(byId.get(entity.parent!)?.kind, `${entity.id} -> ${entity.parent}`).toBe(entity.kind);
    }
    expect(byId.get('emsc')?.parent).toBe('europol');
    expect(byId.get('europol-ich')?.parent).toBe('europol');
    expect(byId.get('eu-iru')?.parent).toBe('europol');
    expect(byId.get('greta')?.parent).toBe('council-of-europe');
    expect(byId.get('afic')?.parent).toBe('frontex');
  });

  it('finds every example phrase as a mention of its own entity', () => {
    const matcher = shippedMatcher();
    const misses: string[] = [];
    for (const entity of registry.entities) {
      expect(entity.examples.length, `${entity.id} has no examples`).toBeGreaterThan(0);
      for (const example of entity.examples) {
        const found = matcher.match(example);
        if (!found.some((mention) => mention.entity === entity.id)) {
          misses.push(`${entity.id}: "${example}" -> ${found.map((m) => m.entity).join(', ') || 'nothing'}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('compiles to a plain JSON value that a matcher can be rebuilt from', () => {
    const copy = JSON.parse(JSON.stringify(registry));
    expect(copy).toEqual(registry);
    const text = 'het Europees Grens- en kustwachtagentschap (Frontex) en Europol';
    expect(createMatcher(copy).match(text)).toEqual(shippedMatcher().match(text));
  });

  it('stores normalised identifiers for instruments', () => {
    const byId = new Map(registry.entities.map((entity) => [entity.id, entity]));
    expect(byId.get('com-2021-591')?.identifiers).toEqual(['52021DC0591']);
    expect(byId.get('anti-trafficking-directive')?.identifiers).toEqual(['32011L0036']);
    expect(byId.get('kst-28638-235')?.identifiers).toEqual(['kst-28638-235']);
    expect(byId.get('facilitation-guidance')?.identifiers).toEqual(['C(2020) 6470']);
  });
});

describe('registry hash', () => {
  it('is the sha256 of the sources and changes with any of them', () => {
    const { sources } = readRegistrySources([fixture('valid-extra.yaml')]);
    const hash = registryHash(sources);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(registryHash(sources)).toBe(hash);
    expect(registryHash([{ ...sources[0]!, content: `${sources[0]!.content}\n` }])).not.toBe(hash);
    expect(loadRegistry({ paths: [fixture('valid-extra.yaml')] }).registry?.hash).toBe(hash);
  });
});

describe('loading registry files a user names', () => {
  it('extends the shipped registry with another file', () => {
    const { registry, problems } = loadRegistry({
      paths: [fixture('../../../corpus/registry'), fixture('valid-extra.yaml')],
    });
    expect(problems).toEqual([]);
    const found = createMatcher(registry!).match('samen met de Stichting tegen Vrouwenhandel (STV) en Frontex');
    expect(found.map((m) => [m.entity, m.surface])).toEqual([
      ['stichting-tegen-vrouwenhandel', 'Stichting tegen Vrouwenhandel (STV)'],
      ['frontex', 'Frontex'],
    ]);
  });

  it('reports a duplicate id, a form claimed twice, a missing parent and a bad identifier with positions', () => {
    expect(problemsOf('cross-checks.yaml')).toEqual([
      'cross-checks.yaml:10:16 form "EGKW" is also claimed by "agency-a" (' +
        `${fixture('cross-checks.yaml')}:6:16)`,
      `cross-checks.yaml:11:9 duplicate id "agency-a" (first defined at ${fixture('cross-checks.yaml')}:3:9)`,
      'cross-checks.yaml:16:13 parent "no-such-agency" does not exist',
      'cross-checks.yaml:22:19 identifier "not a reference" is not a recognised reference',
    ]);
  });

  it('reports unknown fields and invalid values at the offending key or value', () => {
    const problems = problemsOf('unknown-field.yaml');
    expect(problems[0]).toBe('unknown-field.yaml:6:5 unknown field "nickname"');
    expect(problems[1]).toMatch(/^unknown-field\.yaml:8:11 actors\[1\]\.type: Invalid option/);
    expect(problems).toHaveLength(2);
  });

  it('reports a YAML syntax error with its position', () => {
    const problems = problemsOf('syntax-error.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^syntax-error\.yaml:\d+:\d+ .*Flow map/);
  });

  it('refuses an alias bomb, pointing at the first alias', () => {
    expect(problemsOf('alias-bomb.yaml')).toEqual([
      'alias-bomb.yaml:3:8 YAML aliases refused: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('refuses files over the size limit and paths that do not exist', () => {
    expect(problemsOf('valid-extra.yaml', { maxBytes: 100 })[0]).toMatch(
      /^valid-extra\.yaml:1:1 registry file is \d+ bytes, more than the limit of 100$/,
    );
    expect(problemsOf('no-such-file.yaml')).toEqual(['no-such-file.yaml:1:1 registry file or folder not found']);
  });

  it('has a closed schema that converts to JSON Schema (the lead generates schema files from it)', () => {
    type ObjectSchema = { properties: Record<string, unknown>; additionalProperties: boolean };
    const schema = z.toJSONSchema(RegistryFile, { io: 'input' }) as { $defs: Record<string, ObjectSchema> };
    expect(Object.keys(schema.$defs.RegistryFile!.properties)).toEqual(['version', 'actors', 'instruments', 'ignore']);
    for (const name of ['RegistryFile', 'RegistryActor', 'RegistryInstrument', 'RegistryForm', 'RegistryLabel']) {
      expect(schema.$defs[name]?.additionalProperties, name).toBe(false);
    }
  });
});
