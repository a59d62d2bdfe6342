import { describe, expect, it } from 'vitest';
import { analysisToJson, type CaseAnalysisJson, type EchoJson, type OccurrenceJson } from '../../shared/analysis/analysis-json';
import { analyzeCase } from '../../shared/analysis/analyze-case';
import type { Identification, IdentificationKind } from '../../shared/analysis/types';
import { CaseSchema, type Case, type Relation } from '../../shared/case/schema';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';
import { BUILT_IN_ROLES } from '../../shared/library/roles';
import { generateCase } from '../support/generate-cases';

// The engine is tuned for speed (integer ids, bit sets, see docs/benchmarks.md).
// This file holds a second engine written plainly from analysis.md, slow and
// obvious, and checks that both give the same JSON on many generated cases.

type Holding = { system: SystemId; person: string; key: string };

/** Code-point order, checked independently of the engine: UTF-8 byte order is code-point order. */
function codePointOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const KIND_RANK = { pattern: 0, role: 1, feeling: 2 };
const MATCH_RANK = { exact: 0, sasb: 1 };

/** analysis.md, "Echoes", read literally. */
function referenceAnalysis(kase: Case): CaseAnalysisJson {
  const codeOf = (role: string): string | undefined =>
    BUILT_IN_ROLES.find((r) => r.id === role)?.sasb ?? kase.customRoles.find((r) => r.id === role)?.sasb;
  const personOfKind = (kind: string) => kase.people.find((p) => p.kind === kind)?.id;
  const client = personOfKind('client');
  const therapist = personOfKind('therapist');
  const supervisor = personOfKind('supervisor');

  // "Person P holds role R in system S when R is in P's member roles in S, or R
  // is the fromRole of a relation from P in S, or the toRole of a relation to P in S."
  const roleHoldings: Holding[] = [];
  const feelingHoldings: Holding[] = [];
  const patternRelations: { system: SystemId; relation: Relation; fromRole: string; toRole: string }[] = [];
  for (const system of SYSTEM_IDS) {
    const { members, relations } = kase.systems[system];
    for (const member of members) {
      for (const role of member.roles) roleHoldings.push({ system, person: member.person, key: role });
      for (const feeling of member.feelings) feelingHoldings.push({ system, person: member.person, key: feeling });
    }
    for (const relation of relations) {
      if (relation.fromRole !== undefined) roleHoldings.push({ system, person: relation.from, key: relation.fromRole });
      if (relation.toRole !== undefined) roleHoldings.push({ system, person: relation.to, key: relation.toRole });
      if (relation.fromRole !== undefined && relation.toRole !== undefined) {
        patternRelations.push({ system, relation, fromRole: relation.fromRole, toRole: relation.toRole });
      }
    }
  }

  const echoes: EchoJson[] = [];

  const holderEcho = (kind: 'role' | 'feeling', match: 'exact' | 'sasb', key: string, holdings: Holding[]) => {
    const systems = SYSTEM_IDS.filter((system) => holdings.some((h) => h.system === system));
    if (systems.length < 2) return;
    const holds = (system: SystemId, person: string | undefined) =>
      holdings.some((h) => h.system === system && h.person === person);
    const present = (system: SystemId) => holdings.some((h) => h.system === system);
    const compare = (system: SystemId, person: string | undefined): IdentificationKind | undefined =>
      !present(system) ? undefined : holds(system, person) ? 'concordant' : 'complementary';
    const occurrences: OccurrenceJson[] = [];
    for (const system of systems) {
      const people = [...new Set(holdings.filter((h) => h.system === system).map((h) => h.person))].sort(codePointOrder);
      for (const person of people) {
        const identification: Identification = {};
        if (system !== 'client' && person === therapist) {
          const found = compare('client', client);
          if (found) identification.therapist = found;
        }
        if (system === 'supervision' && person === supervisor) {
          const found = compare('therapy', therapist);
          if (found) identification.supervisor = found;
        }
        occurrences.push(Object.keys(identification).length > 0 ? { system, person, identification } : { system, person });
      }
    }
    echoes.push({ id: `${kind}:${match}:${key}`, kind, match, key, systems, parallel: systems.length === 3, occurrences });
  };

  const patternEcho = (match: 'exact' | 'sasb', key: string, carriers: typeof patternRelations) => {
    const systems = SYSTEM_IDS.filter((system) => carriers.some((c) => c.system === system));
    if (systems.length < 2) return;
    const endOf = (relation: Relation, person: string | undefined) =>
      relation.from === person ? 'from' : relation.to === person ? 'to' : undefined;
    const compare = (system: SystemId, person: string | undefined, end: 'from' | 'to'): IdentificationKind | undefined => {
      const there = carriers.filter((c) => c.system === system);
      if (there.length === 0) return undefined;
      // "concordant wins": the compared person at the same end of any occurrence there.
      return there.some((c) => c.relation[end] === person) ? 'concordant' : 'complementary';
    };
    const occurrences: OccurrenceJson[] = [];
    for (const system of systems) {
      const here = carriers.filter((c) => c.system === system).sort((a, b) => codePointOrder(a.relation.id, b.relation.id));
      for (const { relation } of here) {
        const identification: Identification = {};
        const therapistEnd = endOf(relation, therapist);
        if (system !== 'client' && therapistEnd !== undefined) {
          const found = compare('client', client, therapistEnd);
          if (found) identification.therapist = found;
        }
        const supervisorEnd = endOf(relation, supervisor);
        if (system === 'supervision' && supervisorEnd !== undefined) {
          const found = compare('therapy', therapist, supervisorEnd);
          if (found) identification.supervisor = found;
        }
        const { id, from, to } = relation;
        occurrences.push(
          Object.keys(identification).length > 0 ? { system, relation: id, from, to, identification } : { system, relation: id, from, to },
        );
      }
    }
    echoes.push({ id: `pattern:${match}:${key}`, kind: 'pattern', match, key, systems, parallel: systems.length === 3, occurrences });
  };

  for (const role of new Set(roleHoldings.map((h) => h.key))) {
    holderEcho('role', 'exact', role, roleHoldings.filter((h) => h.key === role));
  }
  for (const code of new Set(roleHoldings.map((h) => codeOf(h.key)))) {
    if (code === undefined) continue;
    const holdings = roleHoldings.filter((h) => codeOf(h.key) === code);
    if (new Set(holdings.map((h) => h.key)).size < 2) continue;
    holderEcho('role', 'sasb', code, holdings);
  }
  for (const feeling of new Set(feelingHoldings.map((h) => h.key))) {
    holderEcho('feeling', 'exact', feeling, feelingHoldings.filter((h) => h.key === feeling));
  }
  const pairOf = (c: (typeof patternRelations)[number]) => `${c.fromRole}>${c.toRole}`;
  for (const pair of new Set(patternRelations.map(pairOf))) {
    patternEcho('exact', pair, patternRelations.filter((c) => pairOf(c) === pair));
  }
  const codesOf = (c: (typeof patternRelations)[number]) => {
    const [from, to] = [codeOf(c.fromRole), codeOf(c.toRole)];
    return from === undefined || to === undefined ? undefined : `${from}>${to}`;
  };
  for (const codes of new Set(patternRelations.map(codesOf))) {
    if (codes === undefined) continue;
    const carriers = patternRelations.filter((c) => codesOf(c) === codes);
    if (new Set(carriers.map(pairOf)).size < 2) continue;
    patternEcho('sasb', codes, carriers);
  }

  echoes.sort(
    (a, b) =>
      b.systems.length - a.systems.length ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
      codePointOrder(a.key, b.key),
  );
  return { caseId: kase.id, echoes };
}

/** The same generated case without a supervisor: they become an other, and supervision is emptied. */
function withoutSupervisor(kase: Case): Case {
  return CaseSchema.parse({
    ...kase,
    people: kase.people.map((person) => (person.kind === 'supervisor' ? { ...person, kind: 'other' } : person)),
    systems: { ...kase.systems, supervision: { members: [], relations: [] } },
  });
}

/**
 * The same case with ids whose code-point order differs from numeric and from
 * list order (upper case sorts first), and the cast listed last.
 */
function withMixedIds(kase: Case): Case {
  const rename = (id: string) => (id.length % 2 === 0 ? id.toUpperCase() : `${id}_x`);
  const systems = {} as Case['systems'];
  for (const system of SYSTEM_IDS) {
    const { members, relations, notes } = kase.systems[system];
    systems[system] = {
      members: members.map((member) => ({ ...member, person: rename(member.person) })),
      relations: relations.map((relation) => ({ ...relation, id: rename(relation.id), from: rename(relation.from), to: rename(relation.to) })),
      ...(notes === undefined ? {} : { notes }),
    };
  }
  return CaseSchema.parse({ ...kase, people: [...kase.people].reverse().map((p) => ({ ...p, id: rename(p.id) })), systems });
}

/**
 * The same case with 70 custom roles, some sharing codes with built-in ones,
 * put on every third relation end and member: more roles than the engine's
 * table of role pairs holds, so it numbers pairs another way.
 */
function withManyCustomRoles(kase: Case): Case {
  const codes = ['other.6', 'self.5', undefined, 'other.4', 'self.6'] as const;
  const customRoles = Array.from({ length: 70 }, (_, index) => {
    const sasb = codes[index % codes.length];
    return { id: `custom${index}`, label: `Custom ${index}`, ...(sasb === undefined ? {} : { sasb }) };
  });
  let turn = 0;
  const swap = (role: string | undefined) => {
    turn += 1;
    return role === undefined || turn % 3 !== 0 ? role : `custom${turn % 11}`;
  };
  const systems = {} as Case['systems'];
  for (const system of SYSTEM_IDS) {
    const { members, relations } = kase.systems[system];
    systems[system] = {
      members: members.map((member) => ({ ...member, roles: [...new Set(member.roles.map((role) => swap(role) as string))] })),
      relations: relations.map(({ fromRole, toRole, ...relation }) => {
        const [from, to] = [swap(fromRole), swap(toRole)];
        return { ...relation, ...(from === undefined ? {} : { fromRole: from }), ...(to === undefined ? {} : { toRole: to }) };
      }),
    };
  }
  return CaseSchema.parse({ ...kase, systems, customRoles: [...kase.customRoles, ...customRoles] });
}

/**
 * A case breaking the format's rules, as a case being edited may: people,
 * roles and feelings it does not define, and ids outside the format's
 * characters, where code-unit order (U+D83D, a surrogate, before U+FFFD)
 * differs from code-point order (U+FFFD before U+1F600). Not parsed: the
 * schema would refuse it.
 */
function withUndefinedIds(kase: Case): Case {
  const [astral, replacement] = ['\u{1F600}', '\uFFFD'];
  const { client, therapy, supervision } = kase.systems;
  const therapist = kase.people.find((person) => person.kind === 'therapist')?.id as string;
  const clientId = kase.people.find((person) => person.kind === 'client')?.id as string;
  const strange = [
    { person: astral, roles: [`${astral}role`, 'critic'], feelings: [`${astral}feeling`, 'unlisted'] },
    { person: replacement, roles: [`${replacement}role`, 'critic'], feelings: [`${replacement}feeling`, 'unlisted'] },
    { person: 'A-stranger', roles: ['mystery'], feelings: ['unlisted'] },
  ];
  const relations = (prefix: string, from: string, to: string) => [
    { id: `${prefix}${astral}`, from, to, fromRole: 'mystery', toRole: 'critic' },
    { id: `${prefix}${replacement}`, from, to, fromRole: 'mystery', toRole: 'critic' },
    { id: `${prefix}-plain`, from: to, to: from, fromRole: 'critic', toRole: 'mystery' },
  ];
  return {
    ...kase,
    people: [
      ...kase.people,
      { id: astral, name: 'Astral', kind: 'other' },
      { id: replacement, name: 'Replacement', kind: 'other' },
    ],
    systems: {
      client: { ...client, members: [...client.members, ...strange], relations: [...client.relations, ...relations('c', 'A-stranger', clientId)] },
      therapy: { ...therapy, members: [...therapy.members, ...strange], relations: [...therapy.relations, ...relations('t', replacement, therapist)] },
      supervision: { ...supervision, relations: [...supervision.relations, ...relations('s', 'Z-ghost', therapist)] },
    },
  };
}

const SIZES = [
  { people: 3, relationsPerSystem: 2 },
  { people: 5, relationsPerSystem: 8 },
  { people: 8, relationsPerSystem: 20 },
  { people: 30, relationsPerSystem: 40 },
  { people: 60, relationsPerSystem: 120 },
];

describe('analyzeCase against a plain reading of analysis.md', () => {
  it('gives the same JSON on generated cases of many seeds and sizes', () => {
    let echoes = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const kase = generateCase(seed, SIZES[seed % SIZES.length] as (typeof SIZES)[number]);
      const expected = referenceAnalysis(kase);
      expect(analysisToJson(analyzeCase(kase))).toStrictEqual(expected);
      echoes += expected.echoes.length;
    }
    // The comparison means something only if the cases are full of echoes.
    expect(echoes).toBeGreaterThan(3_000);
  });

  it('gives the same JSON without a supervisor, and with ids in a code-point order unlike their list order', () => {
    for (let seed = 301; seed <= 450; seed += 1) {
      const kase = generateCase(seed, SIZES[seed % SIZES.length] as (typeof SIZES)[number]);
      for (const variant of [withoutSupervisor(kase), withMixedIds(kase)]) {
        expect(analysisToJson(analyzeCase(variant))).toStrictEqual(referenceAnalysis(variant));
      }
    }
  });

  it('gives the same JSON with more custom roles than its table of role pairs holds', () => {
    for (let seed = 451; seed <= 500; seed += 1) {
      const kase = withManyCustomRoles(generateCase(seed, SIZES[seed % SIZES.length] as (typeof SIZES)[number]));
      expect(analysisToJson(analyzeCase(kase))).toStrictEqual(referenceAnalysis(kase));
    }
  });

  it('gives the same JSON, ids in code-point order, on a case naming ids it does not define', () => {
    for (let seed = 501; seed <= 530; seed += 1) {
      const kase = withUndefinedIds(generateCase(seed, SIZES[seed % SIZES.length] as (typeof SIZES)[number]));
      const analysis = analysisToJson(analyzeCase(kase));
      expect(analysis).toStrictEqual(referenceAnalysis(kase));
      expect(analysis.echoes.map((echo) => echo.id)).toEqual(
        expect.arrayContaining(['role:exact:mystery', `role:exact:\uFFFDrole`, 'feeling:exact:unlisted', 'pattern:exact:mystery>critic']),
      );
    }
  });

  it('gives the same JSON on a case at the format’s limit of relations', () => {
    const kase = generateCase(7, { people: 300, relationsPerSystem: 2_000 });
    expect(analysisToJson(analyzeCase(kase))).toStrictEqual(referenceAnalysis(kase));
  });

  it('gives the same analysis every time it is asked', () => {
    const kase = generateCase(99, { people: 30, relationsPerSystem: 40 });
    const first = JSON.stringify(analyzeCase(kase));
    analyzeCase(generateCase(100, { people: 60, relationsPerSystem: 120 }));
    expect(JSON.stringify(analyzeCase(kase))).toBe(first);
  });
});
