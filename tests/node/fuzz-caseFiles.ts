import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { serializeCaseFile } from '../../shared/case/parse';
import { sampleCase } from './fixtures/cases';

/**
 * Malformed case files for the fuzz tests: a real case file (an example case
 * or the fixture case) damaged by one to three mutations of the kinds a bad
 * file on a clinician's disk can have, or plain garbage. Mutations are plain
 * data, so fast-check can shrink a failure to the smallest damage that
 * causes it. Some mutations leave the file valid (deleting an optional
 * field); the tests accept those as imports.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'resources', 'examples');

/** The valid case files every mutation starts from. */
export const SEED_FILES: readonly string[] = [
  ...readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readFileSync(join(EXAMPLES_DIR, name), 'utf8')),
  serializeCaseFile(sampleCase('fuzz-seed')),
];
const SEEDS: readonly Json[] = SEED_FILES.map((text) => JSON.parse(text) as Json);

/** Keys that pollute a prototype when a careless reader copies them into a plain object. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

// Placeholders swapped for raw JSON text after serialising: an object
// literal cannot hold "__proto__" as its own key, and a 100,000-deep array
// is cheaper to write as text than to build and stringify.
const RAW_VALUE = '@@triptych-fuzz-raw-value-';
const RAW_KEY = '@@triptych-fuzz-raw-key-';

type Mutation =
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; at: number; key: string; value: Json }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'deep'; at: number; depth: number; shape: 'array' | 'object' }
  | { kind: 'unknown-id'; target: 'member' | 'from' | 'to' | 'role' | 'feeling' | 'fromRole'; at: number; id: string }
  | { kind: 'duplicate'; list: 'people' | 'members' | 'relations' | 'customRoles' | 'customFeelings'; at: number }
  | { kind: 'pollute'; at: number; key: (typeof POLLUTING_KEYS)[number]; payload: Json };

const shortJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, '', ' ', '2026-13-45', 'not-an-id!', [], {}, [null], { x: 1 }),
  shortJson,
);
const anyIndex = fc.nat({ max: 100_000 });
const pollutionPayload = fc.constantFrom<Json>(
  { polluted: true },
  { prototype: { polluted: true } },
  { isAdmin: true, toString: 'x' },
  'polluted',
  null,
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: anyIndex, value: wrongValue }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: anyIndex }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      at: anyIndex,
      key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('id', 'toString', 'hasOwnProperty', 'valueOf', '0', '')),
      value: shortJson,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('huge' as const), at: anyIndex, length: fc.integer({ min: 20_001, max: 120_000 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      at: anyIndex,
      depth: fc.integer({ min: 500, max: 20_000 }),
      shape: fc.constantFrom('array' as const, 'object' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('unknown-id' as const),
      target: fc.constantFrom('member' as const, 'from' as const, 'to' as const, 'role' as const, 'feeling' as const, 'fromRole' as const),
      at: anyIndex,
      id: fc.stringMatching(/^zz-unknown-[a-z0-9]{1,8}$/),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      list: fc.constantFrom('people' as const, 'members' as const, 'relations' as const, 'customRoles' as const, 'customFeelings' as const),
      at: anyIndex,
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pollute' as const), at: anyIndex, key: fc.constantFrom(...POLLUTING_KEYS), payload: pollutionPayload }) },
);

/** Every path into `value`, the root first. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function valueAt(root: Json, path: Path): Json {
  return path.reduce<Json>((value, key) => (value as Record<string | number, Json>)[key] as Json, root);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Replaces the value at `path` (the root when empty) and returns the new root. */
function setAt(root: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next;
  const parent = valueAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = next;
  return root;
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length === 0 ? undefined : items[at % items.length];
}

/** Lists of records inside the case, by name: every `members` or `relations` list of the three systems, etc. */
function listsNamed(root: Json, name: string): Json[][] {
  return pathsOf(root)
    .filter((path) => path[path.length - 1] === name)
    .map((path) => valueAt(root, path))
    .filter((value): value is Json[] => Array.isArray(value));
}

interface Splices {
  values: string[];
  keys: string[];
}

function applyMutation(root: Json, change: Mutation, splices: Splices): Json {
  const paths = pathsOf(root);
  switch (change.kind) {
    case 'replace':
      return setAt(root, pick(paths, change.at) ?? [], structuredClone(change.value));
    case 'delete': {
      const path = pick(paths.slice(1), change.at);
      if (path === undefined) return root;
      const parent = valueAt(root, path.slice(0, -1));
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else if (isObject(parent)) delete parent[key];
      return root;
    }
    case 'extra': {
      const target = pick(paths.filter((path) => isObject(valueAt(root, path))), change.at);
      if (target === undefined) return root;
      const object = valueAt(root, target) as { [key: string]: Json };
      // An existing key would only be replaced; keep it an extra one.
      object[Object.hasOwn(object, change.key) ? `${change.key}-extra` : change.key] = structuredClone(change.value);
      return root;
    }
    case 'huge':
      return setAt(root, pick(paths, change.at) ?? [], 'x'.repeat(change.length));
    case 'deep': {
      const open = change.shape === 'array' ? '[' : '{"a":';
      const close = change.shape === 'array' ? ']' : '}';
      splices.values.push(`${open.repeat(change.depth)}0${close.repeat(change.depth)}`);
      return setAt(root, pick(paths, change.at) ?? [], `${RAW_VALUE}${splices.values.length - 1}`);
    }
    case 'unknown-id': {
      const field = { member: 'person', from: 'from', to: 'to', fromRole: 'fromRole', role: 'roles', feeling: 'feelings' }[change.target];
      const holders = pathsOf(root)
        .map((path) => valueAt(root, path))
        .filter((value): value is { [key: string]: Json } => isObject(value) && Object.hasOwn(value, field === 'fromRole' ? 'from' : field));
      const holder = pick(holders, change.at);
      if (holder === undefined) return root;
      if (field === 'roles' || field === 'feelings') {
        const listed = holder[field];
        holder[field] = [...(Array.isArray(listed) ? listed : []), change.id];
      }
      else holder[field] = change.id;
      return root;
    }
    case 'duplicate': {
      const list = pick(
        listsNamed(root, change.list).filter((items) => items.length > 0),
        change.at,
      );
      const item = list === undefined ? undefined : pick(list, change.at);
      if (list !== undefined && item !== undefined) list.push(structuredClone(item));
      return root;
    }
    case 'pollute': {
      const target = pick(paths.filter((path) => isObject(valueAt(root, path))), change.at);
      if (target === undefined) return root;
      splices.keys.push(change.key);
      (valueAt(root, target) as { [key: string]: Json })[`${RAW_KEY}${splices.keys.length - 1}`] = structuredClone(change.payload);
      return root;
    }
  }
}

/** The text of one seed case file after `mutations`, with the raw splices put in. */
export function mutatedCaseFile(seed: number, mutations: readonly Mutation[], indent: boolean): string {
  const splices: Splices = { values: [], keys: [] };
  let root = structuredClone(SEEDS[seed % SEEDS.length] as Json);
  for (const change of mutations) root = applyMutation(root, change, splices);
  let text = JSON.stringify(root, null, indent ? 2 : undefined);
  splices.values.forEach((raw, index) => {
    text = text.replace(`"${RAW_VALUE}${index}"`, () => raw);
  });
  splices.keys.forEach((key, index) => {
    text = text.replace(`"${RAW_KEY}${index}"`, () => JSON.stringify(key));
  });
  return text;
}

/** Text that is hardly a case file at all: garbage, a cut-off file, the wrong JSON value. */
const garbageText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.constantFrom('', ' ', '\uFEFF{}', 'null', 'true', '0', '[]', '{}', '"triptych-case"', 'NaN', '{"format":"triptych-case"}', '{"format":"triptych-case","version":1}'),
  fc.record({ seed: fc.nat(), cut: fc.nat() }).map(({ seed, cut }) => {
    const text = SEED_FILES[seed % SEED_FILES.length] as string;
    return text.slice(0, cut % text.length);
  }),
  fc.record({ seed: fc.nat(), version: fc.oneof(fc.integer(), fc.double(), fc.constant(2)), format: fc.string({ maxLength: 20 }) }).map(({ seed, version, format }) => {
    const file = JSON.parse(SEED_FILES[seed % SEED_FILES.length] as string) as { format: unknown; version: unknown };
    return JSON.stringify({ ...file, format: format === '' ? file.format : format, version });
  }),
);

/** A file over the 10 MiB limit, which must be refused without being parsed. */
const oversizeText = fc.constantFrom('x', '{"format":"').map((start) => `${start}${' '.repeat(10 * 1024 * 1024)}`);

/** One malformed case file's text (or, now and then, one a mutation left valid). */
export const caseFileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 160,
    arbitrary: fc
      .record({ seed: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), indent: fc.boolean() })
      .map(({ seed, mutations, indent }) => mutatedCaseFile(seed, mutations, indent)),
  },
  { weight: 39, arbitrary: garbageText },
  { weight: 1, arbitrary: oversizeText },
);
