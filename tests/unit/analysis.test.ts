import { describe, expect, it } from 'vitest';
import { analysisToJson } from '../../shared/analysis/analysis-json';
import { analyzeCase } from '../../shared/analysis/analyze-case';
import type { Echo, Identification } from '../../shared/analysis/types';
import type { Case } from '../../shared/case/schema';
import { buildCase, type CaseSketch } from '../support/generate-cases';

/** The worked example of analysis.md (first vignette), with the ids of its JSON example. */
function markCase(): Case {
  return buildCase({
    id: 'mark-2026',
    people: [
      { id: 'c', name: 'Mark', kind: 'client' },
      { id: 't', name: 'Elena', kind: 'therapist' },
      { id: 's', name: 'S', kind: 'supervisor' },
      { id: 'm', name: 'Manager', kind: 'other' },
    ],
    client: {
      members: [{ person: 'c', feelings: ['pressured', 'inadequate', 'anxious'] }, { person: 'm' }],
      relations: [
        { id: 'r1', from: 'm', to: 'c', fromRole: 'critic', toRole: 'performer' },
        { id: 'r2', from: 'c', to: 'c', fromRole: 'self-critic' },
      ],
    },
    therapy: {
      members: [{ person: 'c' }, { person: 't', feelings: ['pressured', 'inadequate'] }],
      relations: [
        { id: 'r3', from: 'c', to: 't', fromRole: 'evaluator', toRole: 'performer' },
        { id: 'r4', from: 't', to: 'c', fromRole: 'rescuer' },
      ],
    },
    supervision: {
      members: [{ person: 't', feelings: ['anxious'] }, { person: 's' }],
      relations: [{ id: 'r5', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }],
    },
  });
}

/** The analysis as plain data (ids, systems, parallel, occurrences), without the UI's wording. */
function plain(kase: Case) {
  return analysisToJson(analyzeCase(kase)).echoes;
}

function echoIds(kase: Case): string[] {
  return analyzeCase(kase).echoes.map((echo) => echo.id);
}

function echoOf(kase: Case, id: string): Echo {
  const echo = analyzeCase(kase).echoes.find((e) => e.id === id);
  if (echo === undefined) throw new Error(`no echo ${id} in ${echoIds(kase).join(', ')}`);
  return echo;
}

/** The identifications of an echo's occurrences, keyed by `system/person` or `system/relation`. */
function identifications(kase: Case, id: string): Record<string, Identification | undefined> {
  const echo = echoOf(kase, id);
  const found: Record<string, Identification | undefined> = {};
  for (const occurrence of echo.occurrences) {
    const where = 'person' in occurrence ? occurrence.person : occurrence.relation;
    found[`${occurrence.system}/${where}`] = occurrence.identification;
  }
  return found;
}

describe('the worked example of analysis.md', () => {
  it('finds exactly the documented echoes, in order, with their occurrences and identifications', () => {
    expect(plain(markCase())).toEqual([
      {
        id: 'role:exact:performer',
        kind: 'role',
        match: 'exact',
        key: 'performer',
        systems: ['client', 'therapy', 'supervision'],
        parallel: true,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
          { system: 'supervision', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
      {
        id: 'pattern:exact:critic>performer',
        kind: 'pattern',
        match: 'exact',
        key: 'critic>performer',
        systems: ['client', 'supervision'],
        parallel: false,
        occurrences: [
          { system: 'client', relation: 'r1', from: 'm', to: 'c' },
          { system: 'supervision', relation: 'r5', from: 's', to: 't', identification: { therapist: 'concordant' } },
        ],
      },
      {
        id: 'role:exact:critic',
        kind: 'role',
        match: 'exact',
        key: 'critic',
        systems: ['client', 'supervision'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'm' },
          { system: 'supervision', person: 's' },
        ],
      },
      {
        id: 'feeling:exact:anxious',
        kind: 'feeling',
        match: 'exact',
        key: 'anxious',
        systems: ['client', 'supervision'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'supervision', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
      {
        id: 'feeling:exact:inadequate',
        kind: 'feeling',
        match: 'exact',
        key: 'inadequate',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
      {
        id: 'feeling:exact:pressured',
        kind: 'feeling',
        match: 'exact',
        key: 'pressured',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
    ]);
  });

  it('has no code-level pattern echo, since only one role pair carries other.6>self.5', () => {
    expect(echoIds(markCase())).not.toContain('pattern:sasb:other.6>self.5');
  });

  it('gives the supervisor no identification on critic>performer, since therapy has no such pattern', () => {
    const supervision = echoOf(markCase(), 'pattern:exact:critic>performer').occurrences[1];
    expect(supervision?.identification).toEqual({ therapist: 'concordant' });
  });

  it('reports the case id', () => {
    expect(analyzeCase(markCase()).caseId).toBe('mark-2026');
  });
});

describe("the command line's JSON", () => {
  it('matches the JSON example of analysis.md, field for field and in key order', () => {
    const json = analysisToJson(analyzeCase(markCase()));
    const shown = new Set(['role:exact:performer', 'pattern:exact:critic>performer']);
    const documented = {
      caseId: 'mark-2026',
      echoes: [
        {
          id: 'role:exact:performer',
          kind: 'role',
          match: 'exact',
          key: 'performer',
          systems: ['client', 'therapy', 'supervision'],
          parallel: true,
          occurrences: [
            { system: 'client', person: 'c' },
            { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
            { system: 'supervision', person: 't', identification: { therapist: 'concordant' } },
          ],
        },
        {
          id: 'pattern:exact:critic>performer',
          kind: 'pattern',
          match: 'exact',
          key: 'critic>performer',
          systems: ['client', 'supervision'],
          parallel: false,
          occurrences: [
            { system: 'client', relation: 'r1', from: 'm', to: 'c' },
            { system: 'supervision', relation: 'r5', from: 's', to: 't', identification: { therapist: 'concordant' } },
          ],
        },
      ],
    };
    const excerpt = { caseId: json.caseId, echoes: json.echoes.filter((echo) => shown.has(echo.id)) };
    expect(JSON.stringify(excerpt)).toBe(JSON.stringify(documented));
  });

  it('carries no wording and no field beyond those of analysis.md', () => {
    for (const echo of analysisToJson(analyzeCase(markCase())).echoes) {
      expect(Object.keys(echo)).toEqual(['id', 'kind', 'match', 'key', 'systems', 'parallel', 'occurrences']);
    }
  });
});

describe('holding a role', () => {
  it('counts member roles, the fromRole of relations from a person and the toRole of relations to them', () => {
    const kase = buildCase({
      people: [
        { id: 'c', name: 'Client', kind: 'client' },
        { id: 't', name: 'Therapist', kind: 'therapist' },
        { id: 'p', name: 'Partner', kind: 'other' },
      ],
      client: {
        members: [{ person: 'c', roles: ['victim'] }],
        relations: [{ id: 'r1', from: 'p', to: 'c', fromRole: 'controller', toRole: 'appeaser' }],
      },
      therapy: {
        relations: [
          { id: 'r2', from: 'c', to: 't', fromRole: 'victim' },
          { id: 'r3', from: 'c', to: 't', toRole: 'controller' },
          { id: 'r4', from: 't', to: 'c', fromRole: 'appeaser' },
        ],
      },
    });
    expect(plain(kase).map((e) => [e.id, e.occurrences])).toEqual([
      [
        'role:exact:appeaser',
        [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      ],
      [
        'role:exact:controller',
        [
          { system: 'client', person: 'p' },
          { system: 'therapy', person: 't', identification: { therapist: 'complementary' } },
        ],
      ],
      [
        'role:exact:victim',
        [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 'c' },
        ],
      ],
    ]);
  });

  it('lists a person once per system however many ways they hold the role', () => {
    const kase = buildCase({
      client: {
        members: [{ person: 'c', roles: ['rescuer'] }],
        relations: [
          { id: 'r1', from: 'c', to: 'c', fromRole: 'rescuer' },
          { id: 'r2', from: 'c', to: 'c', fromRole: 'rescuer' },
        ],
      },
      therapy: { members: [{ person: 't', roles: ['rescuer'] }] },
    });
    expect(echoOf(kase, 'role:exact:rescuer').occurrences).toEqual([
      { system: 'client', person: 'c' },
      { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
    ]);
  });

  it('counts a relation to oneself as holding its fromRole, and never as a pattern', () => {
    const kase = buildCase({
      client: { relations: [{ id: 'r1', from: 'c', to: 'c', fromRole: 'self-critic' }] },
      supervision: { relations: [{ id: 'r2', from: 't', to: 't', fromRole: 'self-critic' }] },
    });
    expect(plain(kase)).toEqual([
      {
        id: 'role:exact:self-critic',
        kind: 'role',
        match: 'exact',
        key: 'self-critic',
        systems: ['client', 'supervision'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'supervision', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
    ]);
  });

  it('makes no pattern of a relation missing either role', () => {
    const kase = buildCase({
      client: { relations: [{ id: 'r1', from: 'c', to: 'c', fromRole: 'critic' }] },
      therapy: {
        relations: [
          { id: 'r2', from: 'c', to: 't', fromRole: 'critic' },
          { id: 'r3', from: 't', to: 'c', toRole: 'performer' },
        ],
      },
      supervision: { relations: [{ id: 'r4', from: 's', to: 't', toRole: 'performer' }] },
    });
    expect(echoIds(kase)).toEqual(['role:exact:critic', 'role:exact:performer']);
  });
});

describe('feelings', () => {
  it('echo when someone reports the same feeling in two systems, custom feelings included', () => {
    const kase = buildCase({
      customFeelings: [{ id: 'numb', label: 'Numb' }],
      client: { members: [{ person: 'c', feelings: ['numb', 'bored'] }] },
      therapy: { members: [{ person: 'c', feelings: ['bored'] }, { person: 't', feelings: ['numb'] }] },
    });
    expect(plain(kase)).toEqual([
      {
        id: 'feeling:exact:bored',
        kind: 'feeling',
        match: 'exact',
        key: 'bored',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 'c' },
        ],
      },
      {
        id: 'feeling:exact:numb',
        kind: 'feeling',
        match: 'exact',
        key: 'numb',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
    ]);
  });
});

describe('SASB-level echoes', () => {
  it('appear only when two different role ids share the code', () => {
    const same = buildCase({
      client: { members: [{ person: 'c', roles: ['critic'] }] },
      therapy: { members: [{ person: 't', roles: ['critic'] }] },
    });
    expect(echoIds(same)).toEqual(['role:exact:critic']);

    const different = buildCase({
      client: { members: [{ person: 'c', roles: ['critic'] }] },
      therapy: { members: [{ person: 't', roles: ['devaluer'] }] },
    });
    expect(plain(different)).toEqual([
      {
        id: 'role:sasb:other.6',
        kind: 'role',
        match: 'sasb',
        key: 'other.6',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
    ]);
  });

  it('count role ids across all occurrences, even when one of them is held in a single system', () => {
    const kase = buildCase({
      people: [
        { id: 'c', name: 'Client', kind: 'client' },
        { id: 't', name: 'Therapist', kind: 'therapist' },
        { id: 'm', name: 'Mother', kind: 'other' },
      ],
      client: { members: [{ person: 'c', roles: ['critic'] }, { person: 'm', roles: ['devaluer'] }] },
      therapy: { members: [{ person: 't', roles: ['critic'] }] },
    });
    expect(echoIds(kase)).toEqual(['role:exact:critic', 'role:sasb:other.6']);
    expect(echoOf(kase, 'role:sasb:other.6').occurrences).toEqual([
      { system: 'client', person: 'c' },
      { system: 'client', person: 'm' },
      { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
    ]);
  });

  it('include custom roles with a code, and leave custom roles without one to exact echoes', () => {
    const kase = buildCase({
      customRoles: [
        { id: 'blamer', label: 'Blamer', sasb: 'other.6' },
        { id: 'fixer', label: 'Fixer' },
      ],
      client: { members: [{ person: 'c', roles: ['critic', 'fixer'] }] },
      therapy: { members: [{ person: 't', roles: ['blamer', 'fixer'] }] },
    });
    expect(echoIds(kase)).toEqual(['role:exact:fixer', 'role:sasb:other.6']);
  });

  it('make a pattern echo only from two different role pairs with the same codes', () => {
    const samePair = buildCase({
      client: { relations: [{ id: 'r1', from: 'c', to: 'c', fromRole: 'critic' }] },
      therapy: { relations: [{ id: 'r2', from: 't', to: 'c', fromRole: 'critic', toRole: 'performer' }] },
      supervision: { relations: [{ id: 'r3', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }] },
    });
    expect(echoIds(samePair)).not.toContain('pattern:sasb:other.6>self.5');
    expect(echoIds(samePair)).toContain('pattern:exact:critic>performer');

    const people: CaseSketch['people'] = [
      { id: 'c', name: 'Client', kind: 'client' },
      { id: 't', name: 'Therapist', kind: 'therapist' },
      { id: 'b', name: 'Boss', kind: 'other' },
    ];
    const twoPairs = buildCase({
      people,
      client: { relations: [{ id: 'r1', from: 'b', to: 'c', fromRole: 'critic', toRole: 'performer' }] },
      therapy: { relations: [{ id: 'r2', from: 'c', to: 't', fromRole: 'devaluer', toRole: 'appeaser' }] },
    });
    expect(plain(twoPairs).find((e) => e.kind === 'pattern')).toEqual({
      id: 'pattern:sasb:other.6>self.5',
      kind: 'pattern',
      match: 'sasb',
      key: 'other.6>self.5',
      systems: ['client', 'therapy'],
      parallel: false,
      occurrences: [
        { system: 'client', relation: 'r1', from: 'b', to: 'c' },
        { system: 'therapy', relation: 'r2', from: 'c', to: 't', identification: { therapist: 'concordant' } },
      ],
    });
    expect(echoIds(twoPairs)).not.toContain('pattern:exact:critic>performer');
  });

  it('count role pairs across all occurrences of a code-level pattern', () => {
    const kase = buildCase({
      people: [
        { id: 'c', name: 'Client', kind: 'client' },
        { id: 't', name: 'Therapist', kind: 'therapist' },
        { id: 'b', name: 'Boss', kind: 'other' },
      ],
      client: {
        relations: [
          { id: 'r1', from: 'b', to: 'c', fromRole: 'critic', toRole: 'performer' },
          { id: 'r2', from: 'b', to: 'c', fromRole: 'critic', toRole: 'appeaser' },
        ],
      },
      therapy: { relations: [{ id: 'r3', from: 't', to: 'c', fromRole: 'critic', toRole: 'performer' }] },
    });
    expect(echoOf(kase, 'pattern:sasb:other.6>self.5').occurrences).toEqual([
      { system: 'client', relation: 'r1', from: 'b', to: 'c' },
      { system: 'client', relation: 'r2', from: 'b', to: 'c' },
      { system: 'therapy', relation: 'r3', from: 't', to: 'c', identification: { therapist: 'complementary' } },
    ]);
  });
});

describe("the therapist's identification", () => {
  const people: CaseSketch['people'] = [
    { id: 'c', name: 'Client', kind: 'client' },
    { id: 't', name: 'Therapist', kind: 'therapist' },
    { id: 's', name: 'Supervisor', kind: 'supervisor' },
    { id: 'm', name: 'Mother', kind: 'other' },
    { id: 'p', name: 'Partner', kind: 'other' },
  ];

  it('is concordant when the client holds the same role in their world, in therapy and in supervision', () => {
    const kase = buildCase({
      people,
      client: { members: [{ person: 'c', roles: ['victim'] }] },
      therapy: { members: [{ person: 't', roles: ['victim'] }] },
      supervision: { members: [{ person: 't', roles: ['victim'] }] },
    });
    expect(identifications(kase, 'role:exact:victim')).toEqual({
      'client/c': undefined,
      'therapy/t': { therapist: 'concordant' },
      'supervision/t': { therapist: 'concordant' },
    });
  });

  it("is complementary when only the client's others hold it in their world", () => {
    const kase = buildCase({
      people,
      client: { members: [{ person: 'm', roles: ['critic'] }] },
      therapy: { members: [{ person: 't', roles: ['critic'] }] },
      supervision: { members: [{ person: 't', roles: ['critic'] }] },
    });
    expect(identifications(kase, 'role:exact:critic')).toEqual({
      'client/m': undefined,
      'therapy/t': { therapist: 'complementary' },
      'supervision/t': { therapist: 'complementary' },
    });
  });

  it("is absent when the client's world lacks the key", () => {
    const kase = buildCase({
      people,
      therapy: { members: [{ person: 't', roles: ['rescuer'], feelings: ['urgent'] }] },
      supervision: { members: [{ person: 't', roles: ['rescuer'], feelings: ['urgent'] }] },
    });
    expect(plain(kase).map((e) => [e.id, e.occurrences])).toEqual([
      [
        'role:exact:rescuer',
        [
          { system: 'therapy', person: 't' },
          { system: 'supervision', person: 't' },
        ],
      ],
      [
        'feeling:exact:urgent',
        [
          { system: 'therapy', person: 't' },
          { system: 'supervision', person: 't' },
        ],
      ],
    ]);
  });

  it("is never set on occurrences in the client's world, even the therapist's own", () => {
    const kase = buildCase({
      people,
      client: { members: [{ person: 't', roles: ['rescuer'] }] },
      therapy: { members: [{ person: 't', roles: ['rescuer'] }] },
    });
    expect(identifications(kase, 'role:exact:rescuer')).toEqual({
      'client/t': undefined,
      'therapy/t': { therapist: 'complementary' },
    });
  });

  it('follows the end of a pattern: same end as the client is concordant, the other end complementary', () => {
    const kase = buildCase({
      people,
      client: { relations: [{ id: 'r1', from: 'm', to: 'c', fromRole: 'critic', toRole: 'performer' }] },
      therapy: {
        relations: [
          { id: 'r2', from: 'c', to: 't', fromRole: 'critic', toRole: 'performer' },
          { id: 'r3', from: 't', to: 'c', fromRole: 'critic', toRole: 'performer' },
        ],
      },
    });
    expect(identifications(kase, 'pattern:exact:critic>performer')).toEqual({
      'client/r1': undefined,
      'therapy/r2': { therapist: 'concordant' },
      'therapy/r3': { therapist: 'complementary' },
    });
  });

  it("is complementary for a pattern of the client's world that does not involve the client", () => {
    const kase = buildCase({
      people,
      client: { relations: [{ id: 'r1', from: 'm', to: 'p', fromRole: 'controller', toRole: 'appeaser' }] },
      therapy: { relations: [{ id: 'r2', from: 'c', to: 't', fromRole: 'controller', toRole: 'appeaser' }] },
    });
    expect(identifications(kase, 'pattern:exact:controller>appeaser')).toEqual({
      'client/r1': undefined,
      'therapy/r2': { therapist: 'complementary' },
    });
  });

  it('is concordant when the client stands at both ends in different relations (concordant wins)', () => {
    const kase = buildCase({
      people,
      client: {
        relations: [
          { id: 'r1', from: 'm', to: 'c', fromRole: 'critic', toRole: 'performer' },
          { id: 'r2', from: 'c', to: 'p', fromRole: 'critic', toRole: 'performer' },
        ],
      },
      therapy: {
        relations: [
          { id: 'r3', from: 'c', to: 't', fromRole: 'critic', toRole: 'performer' },
          { id: 'r4', from: 't', to: 'c', fromRole: 'critic', toRole: 'performer' },
        ],
      },
    });
    expect(identifications(kase, 'pattern:exact:critic>performer')).toEqual({
      'client/r1': undefined,
      'client/r2': undefined,
      'therapy/r3': { therapist: 'concordant' },
      'therapy/r4': { therapist: 'concordant' },
    });
  });

  it('compares a code-level echo by code: the client holding another role with the code is concordant', () => {
    const kase = buildCase({
      people,
      client: { members: [{ person: 'c', roles: ['appeaser'] }] },
      therapy: { members: [{ person: 't', roles: ['performer'] }] },
    });
    expect(identifications(kase, 'role:sasb:self.5')).toEqual({
      'client/c': undefined,
      'therapy/t': { therapist: 'concordant' },
    });
  });
});

describe("the supervisor's identification", () => {
  const people: CaseSketch['people'] = [
    { id: 'c', name: 'Client', kind: 'client' },
    { id: 't', name: 'Therapist', kind: 'therapist' },
    { id: 's', name: 'Supervisor', kind: 'supervisor' },
  ];

  it('is concordant when the therapist holds the role in therapy', () => {
    const kase = buildCase({
      people,
      therapy: { members: [{ person: 't', roles: ['evaluator'] }] },
      supervision: { members: [{ person: 's', roles: ['evaluator'] }] },
    });
    expect(identifications(kase, 'role:exact:evaluator')).toEqual({
      'therapy/t': undefined,
      'supervision/s': { supervisor: 'concordant' },
    });
  });

  it('is complementary when only others hold it in therapy, and absent when therapy lacks it', () => {
    const kase = buildCase({
      people,
      client: { members: [{ person: 'c', roles: ['attacker'] }] },
      therapy: { members: [{ person: 'c', roles: ['evaluator'] }] },
      supervision: { members: [{ person: 's', roles: ['evaluator', 'attacker'] }] },
    });
    expect(identifications(kase, 'role:exact:evaluator')).toEqual({
      'therapy/c': undefined,
      'supervision/s': { supervisor: 'complementary' },
    });
    expect(identifications(kase, 'role:exact:attacker')).toEqual({
      'client/c': undefined,
      'supervision/s': undefined,
    });
  });

  it('follows the end of a pattern, with the therapist in the client’s place, beside the therapist’s own', () => {
    const kase = buildCase({
      people,
      client: { relations: [{ id: 'r1', from: 'c', to: 'c', fromRole: 'defier' }] },
      therapy: { relations: [{ id: 'r2', from: 'c', to: 't', fromRole: 'defier', toRole: 'controller' }] },
      supervision: {
        relations: [
          { id: 'r3', from: 's', to: 't', fromRole: 'defier', toRole: 'controller' },
          { id: 'r4', from: 't', to: 's', fromRole: 'defier', toRole: 'controller' },
        ],
      },
    });
    expect(identifications(kase, 'pattern:exact:defier>controller')).toEqual({
      'therapy/r2': undefined,
      'supervision/r3': { supervisor: 'complementary' },
      'supervision/r4': { supervisor: 'concordant' },
    });
  });

  it('stands beside the therapist’s identification on one relation', () => {
    const kase = buildCase({
      people: [...people, { id: 'b', name: 'Boss', kind: 'other' }],
      client: { relations: [{ id: 'r1', from: 'b', to: 'c', fromRole: 'critic', toRole: 'performer' }] },
      therapy: { relations: [{ id: 'r2', from: 'c', to: 't', fromRole: 'critic', toRole: 'performer' }] },
      supervision: { relations: [{ id: 'r3', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }] },
    });
    expect(identifications(kase, 'pattern:exact:critic>performer')).toEqual({
      'client/r1': undefined,
      'therapy/r2': { therapist: 'concordant' },
      'supervision/r3': { therapist: 'concordant', supervisor: 'complementary' },
    });
  });

  it('is concordant when the therapist stands at both ends in therapy (concordant wins)', () => {
    const kase = buildCase({
      people,
      therapy: {
        relations: [
          { id: 'r1', from: 'c', to: 't', fromRole: 'critic', toRole: 'performer' },
          { id: 'r2', from: 't', to: 'c', fromRole: 'critic', toRole: 'performer' },
        ],
      },
      supervision: { relations: [{ id: 'r3', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }] },
    });
    expect(identifications(kase, 'pattern:exact:critic>performer')['supervision/r3']).toStrictEqual({
      supervisor: 'concordant',
    });
  });
});

describe('a case without a supervisor', () => {
  it('finds echoes between the client’s world and therapy only, and never a supervisor identification', () => {
    const kase = buildCase({
      people: [
        { id: 'c', name: 'Client', kind: 'client' },
        { id: 't', name: 'Therapist', kind: 'therapist' },
      ],
      client: { members: [{ person: 'c', roles: ['withdrawer'], feelings: ['stuck'] }] },
      therapy: { members: [{ person: 't', roles: ['withdrawer'], feelings: ['stuck'] }] },
    });
    expect(plain(kase)).toEqual([
      {
        id: 'role:exact:withdrawer',
        kind: 'role',
        match: 'exact',
        key: 'withdrawer',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
      {
        id: 'feeling:exact:stuck',
        kind: 'feeling',
        match: 'exact',
        key: 'stuck',
        systems: ['client', 'therapy'],
        parallel: false,
        occurrences: [
          { system: 'client', person: 'c' },
          { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
        ],
      },
    ]);
  });

  it('finds nothing in an empty case', () => {
    expect(analyzeCase(buildCase({ id: 'empty' }))).toEqual({ caseId: 'empty', echoes: [] });
  });
});

describe('order', () => {
  it('puts echoes by number of systems, then kind, then match, then key in code-point order', () => {
    const kase = buildCase({
      people: [
        { id: 'c', name: 'Client', kind: 'client' },
        { id: 't', name: 'Therapist', kind: 'therapist' },
        { id: 's', name: 'Supervisor', kind: 'supervisor' },
        { id: 'o', name: 'Other', kind: 'other' },
      ],
      // Code-point order puts "Zed" before "affirmer"; a locale comparison would not.
      customRoles: [{ id: 'Zed', label: 'Zed' }],
      client: {
        members: [{ person: 'c', roles: ['Zed', 'affirmer', 'critic'], feelings: ['bored'] }],
        relations: [{ id: 'r1', from: 'o', to: 'c', fromRole: 'critic', toRole: 'performer' }],
      },
      therapy: {
        members: [{ person: 't', roles: ['Zed', 'affirmer', 'devaluer'], feelings: ['bored'] }],
        relations: [{ id: 'r2', from: 't', to: 'c', fromRole: 'devaluer', toRole: 'appeaser' }],
      },
      supervision: {
        members: [{ person: 't', feelings: ['bored'] }],
        relations: [{ id: 'r3', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }],
      },
    });
    expect(echoIds(kase)).toEqual([
      'pattern:sasb:other.6>self.5',
      'role:sasb:other.6',
      'role:sasb:self.5',
      'feeling:exact:bored',
      'pattern:exact:critic>performer',
      'role:exact:Zed',
      'role:exact:affirmer',
      'role:exact:critic',
      'role:exact:performer',
    ]);
  });

  it('lists occurrences by system, then person id, then relation id, in code-point order', () => {
    const kase = buildCase({
      people: [
        { id: 'c', name: 'Client', kind: 'client' },
        { id: 't', name: 'Therapist', kind: 'therapist' },
        { id: 'a', name: 'A', kind: 'other' },
        { id: 'B', name: 'B', kind: 'other' },
      ],
      client: {
        members: [
          { person: 'c', roles: ['victim'] },
          { person: 'a', roles: ['victim'] },
          { person: 'B', roles: ['victim'] },
        ],
        relations: [
          { id: 'r9', from: 'a', to: 'B', fromRole: 'attacker', toRole: 'victim' },
          { id: 'r10', from: 'a', to: 'B', fromRole: 'attacker', toRole: 'victim' },
          { id: 'R2', from: 'B', to: 'c', fromRole: 'attacker', toRole: 'victim' },
        ],
      },
      therapy: {
        members: [{ person: 't', roles: ['victim'] }],
        relations: [{ id: 'r1', from: 'c', to: 't', fromRole: 'attacker', toRole: 'victim' }],
      },
    });
    expect(echoOf(kase, 'role:exact:victim').occurrences.map((o) => `${o.system}/${'person' in o ? o.person : ''}`)).toEqual([
      'client/B',
      'client/a',
      'client/c',
      'therapy/t',
    ]);
    expect(
      echoOf(kase, 'pattern:exact:attacker>victim').occurrences.map((o) => `${o.system}/${'relation' in o ? o.relation : ''}`),
    ).toEqual(['client/R2', 'client/r10', 'client/r9', 'therapy/r1']);
  });
});

describe('wording for the screen', () => {
  it('names the pattern, the systems, the people and the roles, and words the identification tentatively', () => {
    const wording = echoOf(markCase(), 'pattern:exact:critic>performer').wording;
    expect(wording.label).toBe('Critic → Anxious performer');
    expect(wording.roles).toEqual(['Critic', 'Anxious performer']);
    expect(wording.systems).toEqual(["Client's world", 'Supervision']);
    expect(wording.occurrences).toEqual([
      { system: "Client's world", people: 'Manager → Mark', roles: ['Critic', 'Anxious performer'] },
      {
        system: 'Supervision',
        people: 'S → Elena',
        roles: ['Critic', 'Anxious performer'],
        identification: "The therapist may be taking the client's own position (concordant)",
      },
    ]);
    expect(wording.summary).toBe(
      "Critic → Anxious performer recurs in Client's world and Supervision. " +
        "In Supervision the therapist may be taking the client's own position (concordant).",
    );
  });

  it('calls a three-system echo a possible full parallel process', () => {
    expect(echoOf(markCase(), 'role:exact:performer').wording.summary).toBe(
      "Anxious performer recurs as a role in Client's world, Therapy and Supervision: possibly a full parallel process. " +
        "In Therapy and Supervision the therapist may be taking the client's own position (concordant).",
    );
  });

  it('labels a code-level echo by its SASB cluster and names the roles behind it', () => {
    const kase = buildCase({
      client: { members: [{ person: 'c', roles: ['critic'] }] },
      therapy: { members: [{ person: 't', roles: ['devaluer'] }] },
    });
    const wording = echoOf(kase, 'role:sasb:other.6').wording;
    expect(wording.label).toBe('other.6 Blame');
    expect(wording.roles).toEqual(['Critic', 'Devaluer']);
    expect(wording.occurrences.map((o) => [o.people, o.roles])).toEqual([
      ['Client', ['Critic']],
      ['Therapist', ['Devaluer']],
    ]);
    expect(wording.summary).toBe(
      "other.6 Blame (Critic, Devaluer) recurs in Client's world and Therapy. " +
        "In Therapy the therapist may be taking the client's own position (concordant).",
    );
  });

  it('uses the labels of custom roles and feelings', () => {
    const kase = buildCase({
      customRoles: [{ id: 'martyr', label: 'Martyr', sasb: 'self.6' }],
      customFeelings: [{ id: 'numb', label: 'Numb' }],
      client: { members: [{ person: 'c', roles: ['martyr'], feelings: ['numb'] }] },
      therapy: { members: [{ person: 'c', roles: ['martyr'], feelings: ['numb'] }] },
    });
    expect(echoOf(kase, 'role:exact:martyr').wording.label).toBe('Martyr');
    expect(echoOf(kase, 'feeling:exact:numb').wording.summary).toBe("Numb recurs as a feeling in Client's world and Therapy.");
  });

  it('is part of the echo when it is turned into JSON', () => {
    const echo = echoOf(markCase(), 'role:exact:critic');
    const json = JSON.parse(JSON.stringify(echo)) as { wording: { label: string } };
    expect(json.wording.label).toBe('Critic');
  });
});
