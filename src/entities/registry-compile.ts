/**
 * Checks the parsed registry files against each other (unique ids, existing parents, every
 * form and identifier claimed by one entity only) and compiles them into a CompiledRegistry.
 */
import {
  COMPILED_REGISTRY_FORMAT,
  type CompiledEntity,
  type CompiledForm,
  type CompiledRegistry,
  type EntityKind,
  type FormOrigin,
} from './compiled.js';
import { lookupKeys, normalizeReference } from './references.js';
import type { Actor, Form, Instrument } from './registry-schema.js';
import { formatPosition, type ParsedRegistryFile, type RegistryProblem, type YamlLocator, type YamlPath } from './registry-yaml.js';
import { phraseKeys } from './tokenize.js';

interface Located {
  entity: Actor | Instrument;
  kind: EntityKind;
  locator: YamlLocator;
  path: YamlPath;
}

interface Claim {
  id: string;
  where: RegistryProblem;
}

const FORM_FIELDS: ReadonlyArray<readonly ['names' | 'acronyms' | 'inflections' | 'misspellings', FormOrigin]> = [
  ['names', 'name'],
  ['acronyms', 'acronym'],
  ['inflections', 'inflection'],
  ['misspellings', 'misspelling'],
];

function locateAll(files: readonly ParsedRegistryFile[]): Located[] {
  return files.flatMap(({ data, locator }) => [
    ...data.actors.map((entity, i): Located => ({ entity, kind: 'actor', locator, path: ['actors', i] })),
    ...data.instruments.map((entity, i): Located => ({ entity, kind: 'instrument', locator, path: ['instruments', i] })),
  ]);
}

function compileForm(form: Form, origin: FormOrigin): CompiledForm {
  const text = typeof form === 'string' ? form : form.text;
  const ambiguous = typeof form !== 'string' && form.ambiguous === true;
  const declared = typeof form === 'string' ? undefined : form.case;
  const fallback = origin === 'acronym' ? 'exact' : 'any';
  return { text, origin, case: ambiguous ? 'exact' : declared ?? fallback, ambiguous };
}

/** Every form of an entity with the YAML path of its text, `label.nl` first. */
function formsOf({ entity, path }: Located): Array<{ form: CompiledForm; at: YamlPath }> {
  const result = [{ form: compileForm(entity.label.nl, 'name'), at: [...path, 'label', 'nl'] }];
  for (const [field, origin] of FORM_FIELDS) {
    entity[field].forEach((form, j) => {
      const at = typeof form === 'string' ? [...path, field, j] : [...path, field, j, 'text'];
      result.push({ form: compileForm(form, origin), at });
    });
  }
  return result;
}

class Checker {
  readonly problems: RegistryProblem[] = [];
  private readonly formClaims = new Map<string, Claim>();
  private readonly identifierClaims = new Map<string, Claim>();

  report(problem: RegistryProblem): void {
    this.problems.push(problem);
  }

  uniqueIds(all: readonly Located[]): Map<string, Located> {
    const byId = new Map<string, Located>();
    for (const located of all) {
      const first = byId.get(located.entity.id);
      if (first) {
        const at = formatPosition(first.locator.problem([...first.path, 'id'], ''));
        this.report(located.locator.problem([...located.path, 'id'], `duplicate id "${located.entity.id}" (first defined at ${at})`));
      } else {
        byId.set(located.entity.id, located);
      }
    }
    return byId;
  }

  parents(all: readonly Located[], byId: ReadonlyMap<string, Located>): void {
    for (const located of all) {
      const { parent, id } = located.entity;
      if (parent === undefined) continue;
      const at: YamlPath = [...located.path, 'parent'];
      const target = byId.get(parent);
      if (!target) {
        this.report(located.locator.problem(at, `parent "${parent}" does not exist`));
      } else if (target.kind !== located.kind) {
        this.report(located.locator.problem(at, `parent "${parent}" is an ${target.kind}, not an ${located.kind}`));
      } else if (this.hasCycle(id, byId)) {
        this.report(located.locator.problem(at, `parent chain of "${id}" loops back to it`));
      }
    }
  }

  private hasCycle(id: string, byId: ReadonlyMap<string, Located>): boolean {
    const seen = new Set<string>();
    for (let current: string | undefined = id; current !== undefined; current = byId.get(current)?.entity.parent) {
      if (seen.has(current)) return true;
      seen.add(current);
    }
    return false;
  }

  /** Registers a claim on `key`; reports it when another entity holds it already. */
  claim(claims: Map<string, Claim>, key: string, id: string, where: RegistryProblem, what: string): void {
    const first = claims.get(key);
    if (!first) {
      claims.set(key, { id, where });
    } else if (first.id !== id) {
      this.report({ ...where, message: `${what} is also claimed by "${first.id}" (${formatPosition(first.where)})` });
    }
  }

  forms(located: Located): CompiledForm[] {
    return formsOf(located).map(({ form, at }) => {
      const keys = phraseKeys(form.text);
      const where = located.locator.problem(at, '');
      if (keys.length === 0) this.report({ ...where, message: `form "${form.text}" has no words` });
      else this.claim(this.formClaims, keys.join(' '), located.entity.id, where, `form "${form.text}"`);
      return form;
    });
  }

  identifiers(located: Located): string[] {
    if (located.kind !== 'instrument') return [];
    return (located.entity as Instrument).identifiers.flatMap((printed, j) => {
      const where = located.locator.problem([...located.path, 'identifiers', j], '');
      const identifier = normalizeReference(printed);
      if (identifier === null) {
        this.report({ ...where, message: `identifier "${printed}" is not a recognised reference` });
        return [];
      }
      for (const key of lookupKeys(identifier)) {
        this.claim(this.identifierClaims, key, located.entity.id, where, `identifier "${printed}"`);
      }
      return [identifier];
    });
  }

  ignore(files: readonly ParsedRegistryFile[]): string[] {
    return files.flatMap(({ data, locator }) =>
      data.ignore.map((phrase, i) => {
        const first = this.formClaims.get(phraseKeys(phrase).join(' '));
        if (first) {
          this.report(locator.problem(['ignore', i], `ignore phrase "${phrase}" is a form of "${first.id}"`));
        }
        return phrase;
      }),
    );
  }
}

function compileEntity(located: Located, forms: CompiledForm[], identifiers: string[]): CompiledEntity {
  const { entity, kind } = located;
  return {
    id: entity.id,
    kind,
    type: entity.type,
    generic: 'generic' in entity ? entity.generic : false,
    label: { nl: entity.label.nl, en: entity.label.en },
    parent: entity.parent ?? null,
    compounds: entity.compounds,
    identifiers,
    forms,
    examples: entity.examples,
  };
}

/** Compiles validated files; `registry` is null when a cross-file check failed. */
export function compileRegistry(
  files: readonly ParsedRegistryFile[],
  hash: string,
): { registry: CompiledRegistry | null; problems: RegistryProblem[] } {
  const checker = new Checker();
  const all = locateAll(files);
  const byId = checker.uniqueIds(all);
  checker.parents(all, byId);
  const entities = all.map((located) => compileEntity(located, checker.forms(located), checker.identifiers(located)));
  const ignore = checker.ignore(files);
  if (checker.problems.length > 0) return { registry: null, problems: checker.problems };
  return {
    registry: {
      format: COMPILED_REGISTRY_FORMAT,
      hash,
      sources: files.map(({ locator }) => locator.file),
      entities,
      ignore,
    },
    problems: [],
  };
}
