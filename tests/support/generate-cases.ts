import { CaseSchema, type Case, type CaseInput } from '../../shared/case/schema';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';
import { BUILT_IN_FEELINGS } from '../../shared/library/feelings';
import { BUILT_IN_ROLES } from '../../shared/library/roles';

/** How big a generated case is. */
export interface CaseSize {
  /** People in the cast, client, therapist and supervisor included (at least 3). */
  people: number;
  /** Relations in each of the three systems (at most 2,000, the format's limit). */
  relationsPerSystem: number;
}

const ACTS = [
  'reviews the work line by line and points out every slip',
  'asks whether this is being done properly',
  'reassures quickly before the worry is fully said',
  'goes quiet and waits for the other to move first',
  'sets the agenda and the standard for the meeting',
  'apologises and tries harder the next time',
];
const CUSTOM_ROLES = [
  { id: 'martyr', label: 'Martyr', sasb: 'self.6' as const },
  { id: 'fixer', label: 'Fixer' },
];
const CUSTOM_FEELINGS = [{ id: 'numb', label: 'Numb' }];
const ROLE_IDS = [...BUILT_IN_ROLES.map((role) => role.id), ...CUSTOM_ROLES.map((role) => role.id)];
const FEELING_IDS = [...BUILT_IN_FEELINGS.map((feeling) => feeling.id), ...CUSTOM_FEELINGS.map((f) => f.id)];

/**
 * A valid case of the given size, the same for the same seed: people with
 * realistic names and notes, members with positions, roles and feelings, and
 * relations with acts, spread over the three systems. For tests and benchmarks.
 */
export function generateCase(seed: number, size: CaseSize): Case {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const peopleCount = Math.max(3, Math.min(500, size.people));
  const relationCount = Math.max(0, Math.min(2_000, size.relationsPerSystem));

  const people: CaseInput['people'] = Array.from({ length: peopleCount }, (_, index) => {
    const kind = index === 0 ? 'client' : index === 1 ? 'therapist' : index === 2 ? 'supervisor' : 'other';
    return { id: `p${index}`, name: `Person ${index}`, kind, ...(index > 2 ? { note: 'someone in the client’s life' } : {}) };
  });

  // Like a real case: a palette of roles and feelings the case keeps coming
  // back to; the client's world peopled by the others; therapy and supervision
  // mostly the pairs in the room, with an occasional third brought in.
  const roles = palette(random, ROLE_IDS, 6 + Math.floor(random() * 6));
  const feelings = palette(random, FEELING_IDS, 5 + Math.floor(random() * 5));
  const required: Record<SystemId, string[]> = { client: ['p0'], therapy: ['p0', 'p1'], supervision: ['p1', 'p2'] };
  const othersShare: Record<SystemId, number> = { client: 0.9, therapy: 0.1, supervision: 0.05 };
  const systems = {} as CaseInput['systems'];
  let relationNumber = 0;
  for (const system of SYSTEM_IDS) {
    const memberIds = new Set(required[system]);
    for (const person of people) if (person.kind === 'other' && random() < othersShare[system]) memberIds.add(person.id);
    const members = [...memberIds].map((person) => ({
      person,
      roles: distinct(random() < 0.4 ? [pick(roles)] : []),
      feelings: distinct(Array.from({ length: Math.floor(random() * 3) }, () => pick(feelings))),
      position: { x: Math.round(random() * 800), y: Math.round(random() * 600) },
    }));
    const memberList = [...memberIds];
    const relations = Array.from({ length: relationCount }, () => {
      const from = pick(memberList);
      const to = random() < 0.1 ? from : pick(memberList);
      relationNumber += 1;
      const fromRole = random() < 0.8 ? pick(roles) : undefined;
      const toRole = from !== to && random() < 0.8 ? pick(roles) : undefined;
      return {
        id: `r${relationNumber}`,
        from,
        to,
        ...(fromRole === undefined ? {} : { fromRole }),
        ...(toRole === undefined ? {} : { toRole }),
        act: pick(ACTS),
      };
    });
    systems[system] = { members, relations, notes: `Notes on the ${system} system.` };
  }

  return CaseSchema.parse({
    id: `case-${seed}`,
    title: `Generated case ${seed}`,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T17:30:00.000Z',
    summary: 'A generated case for tests and benchmarks.',
    people,
    systems,
    customRoles: CUSTOM_ROLES,
    customFeelings: CUSTOM_FEELINGS,
  } satisfies CaseInput);
}

/** `count` different items of `items`, in a seeded order. */
function palette<T>(random: () => number, items: readonly T[], count: number): T[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T];
  }
  return shuffled.slice(0, count);
}

function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** A small, fast, seedable generator (Tommy Ettinger's mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A system written the short way for tests: members with what they hold, and relations. */
export interface SystemSketch {
  members?: { person: string; roles?: string[]; feelings?: string[] }[];
  relations?: { id: string; from: string; to: string; fromRole?: string; toRole?: string }[];
}

/** A case written the short way for tests; `buildCase` fills in the rest. */
export interface CaseSketch {
  id?: string;
  /** Defaults to client `c`, therapist `t`, supervisor `s`. */
  people?: { id: string; name: string; kind: 'client' | 'therapist' | 'supervisor' | 'other' }[];
  client?: SystemSketch;
  therapy?: SystemSketch;
  supervision?: SystemSketch;
  customRoles?: { id: string; label: string; sasb?: string }[];
  customFeelings?: { id: string; label: string }[];
}

const DEFAULT_PEOPLE: NonNullable<CaseSketch['people']> = [
  { id: 'c', name: 'Client', kind: 'client' },
  { id: 't', name: 'Therapist', kind: 'therapist' },
  { id: 's', name: 'Supervisor', kind: 'supervisor' },
];

/**
 * A valid case from a sketch: every person a relation names, and everyone a
 * system must include, is made a member (with nothing held) when the sketch
 * leaves them out. Parsed with CaseSchema, so an invalid sketch fails loudly.
 */
export function buildCase(sketch: CaseSketch): Case {
  const people = sketch.people ?? DEFAULT_PEOPLE;
  const idOf = (kind: string) => people.find((person) => person.kind === kind)?.id;
  const required: Record<SystemId, (string | undefined)[]> = {
    client: [idOf('client')],
    therapy: [idOf('client'), idOf('therapist')],
    supervision: idOf('supervisor') === undefined ? [] : [idOf('therapist'), idOf('supervisor')],
  };
  const systems = {} as CaseInput['systems'];
  for (const system of SYSTEM_IDS) {
    const drawn = sketch[system] ?? {};
    const members = (drawn.members ?? []).map((m) => ({ person: m.person, roles: m.roles ?? [], feelings: m.feelings ?? [] }));
    const present = new Set(members.map((m) => m.person));
    const needed = [...required[system], ...(drawn.relations ?? []).flatMap((r) => [r.from, r.to])];
    for (const person of needed) {
      if (person === undefined || present.has(person)) continue;
      present.add(person);
      members.push({ person, roles: [], feelings: [] });
    }
    systems[system] = { members, relations: drawn.relations ?? [] };
  }
  return CaseSchema.parse({
    id: sketch.id ?? 'case',
    title: 'A test case',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    people,
    systems,
    customRoles: sketch.customRoles ?? [],
    customFeelings: sketch.customFeelings ?? [],
  });
}
