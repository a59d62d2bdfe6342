import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseFileError, MAX_CASE_FILE_BYTES, parseCaseFileText, parseCaseFileValue, serializeCaseFile } from '../../shared/case/parse';
import {
  REMOVE,
  allPaths,
  caseFileWithoutSupervisor,
  refusalLines,
  validCaseFile,
  withChanges,
  type Change,
} from './fixtures/case-files';

const HEADER = 'case.json: not a valid case file';

const people = (...extra: object[]) => [
  { id: 'c', name: 'A.', kind: 'client' },
  { id: 't', name: 'B.', kind: 'therapist' },
  { id: 's', name: 'C.', kind: 'supervisor' },
  { id: 'o', name: 'Manager', kind: 'other', note: 'line manager' },
  ...extra,
];
const others = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `x${i}`, name: `Other ${i}`, kind: 'other' }));
const plainRelations = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `n${i}`, from: 'c', to: 't' }));

/**
 * One row per rule of case-format.md's table (some rules have several rows):
 * `valid` changes give a file that must still be accepted (usually the edge of
 * the rule), `invalid` changes give one that must be refused with `problem`
 * among the listed problems.
 */
interface RuleRow {
  rule: string;
  valid: Change[];
  invalid: Change[];
  problem: string;
}

const RULES: RuleRow[] = [
  {
    rule: 'format is exactly "triptych-case"',
    valid: [[['format'], 'triptych-case']],
    invalid: [[['format'], 'triptych-case-v2']],
    problem: 'at format: expected "triptych-case"',
  },
  {
    rule: 'format is required',
    valid: [],
    invalid: [[['format'], REMOVE]],
    problem: 'at format: expected "triptych-case"',
  },
  {
    rule: 'version from a newer Triptych is refused',
    valid: [[['version'], 1]],
    invalid: [[['version'], 2]],
    problem: 'at version: made by a newer version of Triptych (format version 2); this version reads format version 1',
  },
  {
    rule: 'version is an integer',
    valid: [[['version'], 1.0]],
    invalid: [[['version'], 1.5]],
    problem: 'at version: expected a whole number',
  },
  {
    rule: 'version is a number, not text',
    valid: [],
    invalid: [[['version'], '1']],
    problem: 'at version: expected a whole number',
  },
  {
    rule: 'version below 1 is refused',
    valid: [],
    invalid: [[['version'], 0]],
    problem: 'at version: unsupported format version 0',
  },
  {
    rule: 'case id: 1–64 characters of A-Z a-z 0-9 _ -',
    valid: [[['case', 'id'], `Az09_-${'x'.repeat(58)}`]],
    invalid: [[['case', 'id'], 'x'.repeat(65)]],
    problem: 'at case.id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'case id: no other characters',
    valid: [],
    invalid: [[['case', 'id'], 'mark 2026']],
    problem: 'at case.id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'case id: not empty',
    valid: [],
    invalid: [[['case', 'id'], '']],
    problem: 'at case.id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'person id follows the id rule',
    valid: [[['case', 'people'], people({ id: 'O_9-x', name: 'Partner', kind: 'other' })]],
    invalid: [[['case', 'people', 3, 'id'], 'o.1']],
    problem: 'at case.people[3].id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'person ids are unique',
    valid: [[['case', 'people'], people(...others(1))]],
    invalid: [[['case', 'people'], people({ id: 'o', name: 'Partner', kind: 'other' })]],
    problem: 'at case.people[4].id: duplicate person id "o"',
  },
  {
    rule: 'relation id follows the id rule',
    valid: [[['case', 'systems', 'client', 'relations', 0, 'id'], 'rel-1_A']],
    invalid: [[['case', 'systems', 'client', 'relations', 0, 'id'], 'r 1']],
    problem: 'at case.systems.client.relations[0].id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'relation ids are unique within a system',
    valid: [],
    invalid: [[['case', 'systems', 'therapy', 'relations', 1, 'id'], 'r3']],
    problem: 'at case.systems.therapy.relations[1].id: duplicate relation id "r3" (relation ids are unique across the case)',
  },
  {
    rule: 'relation ids are unique across the whole case',
    valid: [[['case', 'systems', 'supervision', 'relations', 0, 'id'], 'r7']],
    invalid: [[['case', 'systems', 'supervision', 'relations', 0, 'id'], 'r1']],
    problem: 'at case.systems.supervision.relations[0].id: duplicate relation id "r1" (relation ids are unique across the case)',
  },
  {
    rule: 'title is 1–200 characters after trimming (spaces alone are empty)',
    valid: [[['case', 'title'], `   ${'t'.repeat(200)}   `]],
    invalid: [[['case', 'title'], '   ']],
    problem: 'at case.title: must not be empty',
  },
  {
    rule: 'title is at most 200 characters',
    valid: [[['case', 'title'], 'T']],
    invalid: [[['case', 'title'], 't'.repeat(201)]],
    problem: 'at case.title: must be at most 200 characters',
  },
  {
    rule: 'createdAt is an ISO 8601 date-time',
    valid: [[['case', 'createdAt'], '2026-11-01T10:00:00+01:00']],
    invalid: [[['case', 'createdAt'], '2026-11-01']],
    problem: 'at case.createdAt: expected an ISO 8601 date-time',
  },
  {
    rule: 'updatedAt is an ISO 8601 date-time with a time zone',
    valid: [[['case', 'updatedAt'], '2026-11-20T17:30:00Z']],
    invalid: [[['case', 'updatedAt'], '2026-11-20T17:30:00']],
    problem: 'at case.updatedAt: expected an ISO 8601 date-time',
  },
  {
    rule: 'updatedAt is not free text',
    valid: [],
    invalid: [[['case', 'updatedAt'], 'last Tuesday']],
    problem: 'at case.updatedAt: expected an ISO 8601 date-time',
  },
  {
    rule: 'summary is at most 20,000 characters',
    valid: [[['case', 'summary'], 's'.repeat(20_000)]],
    invalid: [[['case', 'summary'], 's'.repeat(20_001)]],
    problem: 'at case.summary: must be at most 20,000 characters',
  },
  {
    rule: 'summary is optional',
    valid: [[['case', 'summary'], REMOVE]],
    invalid: [[['case', 'summary'], 42]],
    problem: 'at case.summary: expected text',
  },
  {
    rule: 'system notes are at most 20,000 characters',
    valid: [[['case', 'systems', 'client', 'notes'], 'n'.repeat(20_000)]],
    invalid: [[['case', 'systems', 'client', 'notes'], 'n'.repeat(20_001)]],
    problem: 'at case.systems.client.notes: must be at most 20,000 characters',
  },
  {
    rule: 'a relation act is at most 20,000 characters',
    valid: [[['case', 'systems', 'therapy', 'relations', 0, 'act'], 'a'.repeat(20_000)]],
    invalid: [[['case', 'systems', 'therapy', 'relations', 0, 'act'], 'a'.repeat(20_001)]],
    problem: 'at case.systems.therapy.relations[0].act: must be at most 20,000 characters',
  },
  {
    rule: 'a person note is at most 20,000 characters',
    valid: [[['case', 'people', 3, 'note'], 'p'.repeat(20_000)]],
    invalid: [[['case', 'people', 3, 'note'], 'p'.repeat(20_001)]],
    problem: 'at case.people[3].note: must be at most 20,000 characters',
  },
  {
    rule: 'people has at least 1 entry',
    valid: [],
    invalid: [[['case', 'people'], []]],
    problem: 'at case.people: needs at least one person',
  },
  {
    rule: 'people has at most 500 entries',
    valid: [[['case', 'people'], people(...others(496))]],
    invalid: [[['case', 'people'], people(...others(497))]],
    problem: 'at case.people: at most 500 people',
  },
  {
    rule: 'people is a list',
    valid: [],
    invalid: [[['case', 'people'], 'A., B., C.']],
    problem: 'at case.people: expected a list of people',
  },
  {
    rule: 'exactly one client (none)',
    valid: [],
    invalid: [[['case', 'people', 0, 'kind'], 'other']],
    problem: 'at case.people: needs exactly one person of kind "client", found 0',
  },
  {
    rule: 'exactly one client (two)',
    valid: [],
    invalid: [[['case', 'people', 3, 'kind'], 'client']],
    problem: 'at case.people: needs exactly one person of kind "client", found 2',
  },
  {
    rule: 'exactly one therapist (none)',
    valid: [],
    invalid: [[['case', 'people', 1, 'kind'], 'other']],
    problem: 'at case.people: needs exactly one person of kind "therapist", found 0',
  },
  {
    rule: 'exactly one therapist (two)',
    valid: [],
    invalid: [[['case', 'people', 3, 'kind'], 'therapist']],
    problem: 'at case.people: needs exactly one person of kind "therapist", found 2',
  },
  {
    rule: 'at most one supervisor',
    valid: [],
    invalid: [[['case', 'people', 3, 'kind'], 'supervisor']],
    problem: 'at case.people: needs at most one person of kind "supervisor", found 2',
  },
  {
    rule: 'person kind is one of the four kinds',
    valid: [[['case', 'people', 3, 'kind'], 'other']],
    invalid: [[['case', 'people', 3, 'kind'], 'boss']],
    problem: 'at case.people[3].kind: expected one of "client", "therapist", "supervisor", "other"',
  },
  {
    rule: 'person name is 1–120 characters after trimming (spaces alone are empty)',
    valid: [[['case', 'people', 0, 'name'], ` ${'n'.repeat(120)} `]],
    invalid: [[['case', 'people', 0, 'name'], ' \t ']],
    problem: 'at case.people[0].name: must not be empty',
  },
  {
    rule: 'person name is at most 120 characters',
    valid: [[['case', 'people', 0, 'name'], 'N']],
    invalid: [[['case', 'people', 0, 'name'], 'n'.repeat(121)]],
    problem: 'at case.people[0].name: must be at most 120 characters',
  },
  {
    rule: 'person name is required',
    valid: [],
    invalid: [[['case', 'people', 0, 'name'], REMOVE]],
    problem: 'at case.people[0].name: expected a name (text)',
  },
  {
    rule: 'systems has exactly the keys client, therapy, supervision (one missing)',
    valid: [],
    invalid: [[['case', 'systems', 'supervision'], REMOVE]],
    problem: 'at case.systems.supervision: expected a system (an object with members and relations)',
  },
  {
    rule: 'systems has exactly the keys client, therapy, supervision (one extra)',
    valid: [],
    invalid: [[['case', 'systems', 'family'], { members: [], relations: [] }]],
    problem: 'at case.systems.family: unknown field "family"',
  },
  {
    rule: 'systems is required',
    valid: [],
    invalid: [[['case', 'systems'], REMOVE]],
    problem: 'at case.systems: expected the systems "client", "therapy" and "supervision"',
  },
  {
    rule: 'a member is a person of this case',
    valid: [[['case', 'systems', 'client', 'members', 1, 'person'], 'o']],
    invalid: [[['case', 'systems', 'client', 'members', 1, 'person'], 'zz']],
    problem: 'at case.systems.client.members[1].person: unknown person "zz"',
  },
  {
    rule: 'a person is a member at most once per system (once in each system is fine)',
    valid: [[['case', 'systems', 'therapy', 'members', 2], { person: 'o', roles: [], feelings: [] }]],
    invalid: [[['case', 'systems', 'therapy', 'members', 2], { person: 'c', roles: [], feelings: [] }]],
    problem: 'at case.systems.therapy.members[2].person: person "c" is already a member of this system',
  },
  {
    rule: 'member roles are known role ids (built-in or custom)',
    valid: [[['case', 'systems', 'client', 'members', 0, 'roles'], ['performer', 'martyr']]],
    invalid: [[['case', 'systems', 'client', 'members', 0, 'roles'], ['perfomer']]],
    problem: 'at case.systems.client.members[0].roles[0]: unknown role "perfomer"',
  },
  {
    rule: 'member roles have no duplicates',
    valid: [],
    invalid: [[['case', 'systems', 'client', 'members', 0, 'roles'], ['performer', 'critic', 'performer']]],
    problem: 'at case.systems.client.members[0].roles[2]: role "performer" is listed twice',
  },
  {
    rule: 'member feelings are known feeling ids (built-in or custom)',
    valid: [[['case', 'systems', 'therapy', 'members', 1, 'feelings'], ['numb', 'hopeless']]],
    invalid: [[['case', 'systems', 'therapy', 'members', 1, 'feelings'], ['pressured', 'presured']]],
    problem: 'at case.systems.therapy.members[1].feelings[1]: unknown feeling "presured"',
  },
  {
    rule: 'member feelings have no duplicates',
    valid: [],
    invalid: [[['case', 'systems', 'therapy', 'members', 1, 'feelings'], ['numb', 'numb']]],
    problem: 'at case.systems.therapy.members[1].feelings[1]: feeling "numb" is listed twice',
  },
  {
    rule: 'a custom role id is not a feeling (roles and feelings are separate libraries)',
    valid: [],
    invalid: [[['case', 'systems', 'client', 'members', 0, 'feelings'], ['martyr']]],
    problem: 'at case.systems.client.members[0].feelings[0]: unknown feeling "martyr"',
  },
  {
    rule: 'member roles and feelings may be left out (they default to none)',
    valid: [[['case', 'systems', 'client', 'members', 1], { person: 'o' }]],
    invalid: [[['case', 'systems', 'client', 'members', 1, 'roles'], 'critic']],
    problem: 'at case.systems.client.members[1].roles: expected a list of role ids',
  },
  {
    rule: 'member position is { x, y } with finite numbers',
    valid: [[['case', 'systems', 'therapy', 'members', 0, 'position'], { x: -1e6, y: 0.25 }]],
    invalid: [[['case', 'systems', 'therapy', 'members', 0, 'position'], { x: Number.POSITIVE_INFINITY, y: 0 }]],
    problem: 'at case.systems.therapy.members[0].position.x: expected a finite number',
  },
  {
    rule: 'member position has no NaN',
    valid: [],
    invalid: [[['case', 'systems', 'therapy', 'members', 0, 'position'], { x: 0, y: Number.NaN }]],
    problem: 'at case.systems.therapy.members[0].position.y: expected a finite number',
  },
  {
    rule: 'member position needs both x and y',
    valid: [],
    invalid: [[['case', 'systems', 'client', 'members', 0, 'position', 'y'], REMOVE]],
    problem: 'at case.systems.client.members[0].position.y: expected a finite number',
  },
  {
    rule: 'member position is an object',
    valid: [],
    invalid: [[['case', 'systems', 'client', 'members', 0, 'position'], [120, -40]]],
    problem: 'at case.systems.client.members[0].position: expected a position { "x": number, "y": number }',
  },
  {
    rule: 'the client system includes the client',
    valid: [],
    invalid: [[['case', 'systems', 'client'], { members: [{ person: 'o' }], relations: [] }]],
    problem: 'at case.systems.client.members: must include the client ("c")',
  },
  {
    rule: 'the therapy system includes the client',
    valid: [],
    invalid: [[['case', 'systems', 'therapy'], { members: [{ person: 't' }], relations: [] }]],
    problem: 'at case.systems.therapy.members: must include the client ("c")',
  },
  {
    rule: 'the therapy system includes the therapist',
    valid: [],
    invalid: [[['case', 'systems', 'therapy'], { members: [{ person: 'c' }], relations: [] }]],
    problem: 'at case.systems.therapy.members: must include the therapist ("t")',
  },
  {
    rule: 'supervision includes the therapist when the case has a supervisor',
    valid: [[['case', 'systems', 'supervision', 'members', 2], { person: 'o' }]],
    invalid: [[['case', 'systems', 'supervision'], { members: [{ person: 's' }], relations: [] }]],
    problem: 'at case.systems.supervision.members: must include the therapist ("t")',
  },
  {
    rule: 'supervision includes the supervisor when the case has one',
    valid: [],
    invalid: [[['case', 'systems', 'supervision'], { members: [{ person: 't' }], relations: [] }]],
    problem: 'at case.systems.supervision.members: must include the supervisor ("s")',
  },
  {
    rule: 'relation from is a member of that system',
    valid: [[['case', 'systems', 'therapy', 'relations', 1, 'to'], 't']],
    invalid: [[['case', 'systems', 'therapy', 'relations', 1, 'from'], 'o']],
    problem: 'at case.systems.therapy.relations[1].from: "o" is not a member of this system',
  },
  {
    rule: 'relation to is a member of that system (a person of the case is not enough)',
    valid: [],
    invalid: [[['case', 'systems', 'supervision', 'relations', 0, 'to'], 'c']],
    problem: 'at case.systems.supervision.relations[0].to: "c" is not a member of this system',
  },
  {
    rule: 'at most 2,000 relations per system',
    valid: [[['case', 'systems', 'therapy', 'relations'], plainRelations(2_000)]],
    invalid: [[['case', 'systems', 'therapy', 'relations'], plainRelations(2_001)]],
    problem: 'at case.systems.therapy.relations: at most 2,000 relations per system',
  },
  {
    rule: 'toRole is a known role id',
    valid: [[['case', 'systems', 'therapy', 'relations', 2, 'toRole'], 'martyr']],
    invalid: [[['case', 'systems', 'therapy', 'relations', 2, 'toRole'], 'perfomer']],
    problem: 'at case.systems.therapy.relations[2].toRole: unknown role "perfomer"',
  },
  {
    rule: 'fromRole is a known role id',
    valid: [[['case', 'systems', 'client', 'relations', 0, 'fromRole'], REMOVE]],
    invalid: [[['case', 'systems', 'client', 'relations', 0, 'fromRole'], 'boss']],
    problem: 'at case.systems.client.relations[0].fromRole: unknown role "boss"',
  },
  {
    rule: 'a relation of a person to themself has no toRole',
    valid: [[['case', 'systems', 'client', 'relations', 1, 'fromRole'], 'self-controller']],
    invalid: [[['case', 'systems', 'client', 'relations', 1, 'toRole'], 'performer']],
    problem: 'at case.systems.client.relations[1].toRole: a relation of a person to themself has no toRole',
  },
  {
    rule: 'custom role id follows the id rule',
    valid: [[['case', 'customRoles', 1], { id: 'The_Fixer-2', label: 'Fixer' }]],
    invalid: [[['case', 'customRoles', 1], { id: 'the fixer', label: 'Fixer' }]],
    problem: 'at case.customRoles[1].id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'custom role id is not a built-in role id',
    valid: [],
    invalid: [[['case', 'customRoles', 1], { id: 'critic', label: 'My critic' }]],
    problem: 'at case.customRoles[1].id: "critic" is a built-in role id; choose another id',
  },
  {
    rule: 'custom role ids are unique',
    valid: [],
    invalid: [[['case', 'customRoles', 1], { id: 'martyr', label: 'Martyr again' }]],
    problem: 'at case.customRoles[1].id: duplicate custom role id "martyr"',
  },
  {
    rule: 'custom role label is 1–60 characters (after trimming)',
    valid: [[['case', 'customRoles', 0, 'label'], ` ${'l'.repeat(60)} `]],
    invalid: [[['case', 'customRoles', 0, 'label'], 'l'.repeat(61)]],
    problem: 'at case.customRoles[0].label: must be at most 60 characters',
  },
  {
    rule: 'custom role label is not empty',
    valid: [],
    invalid: [[['case', 'customRoles', 0, 'label'], '  ']],
    problem: 'at case.customRoles[0].label: must not be empty',
  },
  {
    rule: 'custom role sasb is other.N, self.N or introject.N with N 1–8 (N too big)',
    valid: [[['case', 'customRoles', 0, 'sasb'], 'introject.8']],
    invalid: [[['case', 'customRoles', 0, 'sasb'], 'other.9']],
    problem: 'at case.customRoles[0].sasb: expected a SASB code: other.N, self.N or introject.N with N 1–8',
  },
  {
    rule: 'custom role sasb: N starts at 1, surface in lower case',
    valid: [[['case', 'customRoles', 0, 'sasb'], 'other.1']],
    invalid: [[['case', 'customRoles', 0, 'sasb'], 'Self.0']],
    problem: 'at case.customRoles[0].sasb: expected a SASB code: other.N, self.N or introject.N with N 1–8',
  },
  {
    rule: 'custom role sasb is optional',
    valid: [[['case', 'customRoles', 0, 'sasb'], REMOVE]],
    invalid: [[['case', 'customRoles', 0, 'sasb'], 'blame']],
    problem: 'at case.customRoles[0].sasb: expected a SASB code: other.N, self.N or introject.N with N 1–8',
  },
  {
    rule: 'custom feeling id follows the id rule',
    valid: [[['case', 'customFeelings', 1], { id: 'on-trial', label: 'On trial' }]],
    invalid: [[['case', 'customFeelings', 1], { id: 'on trial', label: 'On trial' }]],
    problem: 'at case.customFeelings[1].id: must be 1–64 characters of A-Z a-z 0-9 _ -',
  },
  {
    rule: 'custom feeling id is not a built-in feeling id',
    valid: [[['case', 'customFeelings', 1], { id: 'critic', label: 'Critic-ish' }]],
    invalid: [[['case', 'customFeelings', 1], { id: 'anxious', label: 'Anxious (mine)' }]],
    problem: 'at case.customFeelings[1].id: "anxious" is a built-in feeling id; choose another id',
  },
  {
    rule: 'custom feeling ids are unique',
    valid: [],
    invalid: [[['case', 'customFeelings', 1], { id: 'numb', label: 'Numb again' }]],
    problem: 'at case.customFeelings[1].id: duplicate custom feeling id "numb"',
  },
  {
    rule: 'custom feeling label is 1–60 characters',
    valid: [[['case', 'customFeelings', 0, 'label'], 'l'.repeat(60)]],
    invalid: [[['case', 'customFeelings', 0, 'label'], '']],
    problem: 'at case.customFeelings[0].label: must not be empty',
  },
  {
    rule: 'custom feelings have no sasb code',
    valid: [],
    invalid: [[['case', 'customFeelings', 0, 'sasb'], 'self.6']],
    problem: 'at case.customFeelings[0].sasb: unknown field "sasb"',
  },
];

/** Unknown keys are rejected at every level: one misspelt key per object kind. */
const UNKNOWN_KEYS: { at: (string | number)[]; key: string }[] = [
  { at: [], key: 'formatVersion' },
  { at: ['case'], key: 'tags' },
  { at: ['case', 'people', 0], key: 'age' },
  { at: ['case', 'systems'], key: 'Client' },
  { at: ['case', 'systems', 'therapy'], key: 'note' },
  { at: ['case', 'systems', 'therapy', 'members', 1], key: 'feeling' },
  { at: ['case', 'systems', 'client', 'members', 0, 'position'], key: 'z' },
  { at: ['case', 'systems', 'supervision', 'relations', 0], key: 'kind' },
  { at: ['case', 'customRoles', 0], key: 'karpman' },
  { at: ['case', 'customFeelings', 0], key: 'colour' },
];

function pathText(path: (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

describe('case file rules (case-format.md)', () => {
  it('accepts the fixture and the same case without a supervisor', () => {
    expect(parseCaseFileValue(validCaseFile(), 'case.json').case.id).toBe('fixture-case');
    const withoutSupervisor = parseCaseFileValue(caseFileWithoutSupervisor(), 'case.json');
    expect(withoutSupervisor.case.systems.supervision).toEqual({ members: [], relations: [] });
  });

  describe.each(RULES)('$rule', ({ valid, invalid, problem }) => {
    it('accepts the valid variant', () => {
      expect(() => parseCaseFileValue(withChanges(validCaseFile(), valid), 'case.json')).not.toThrow();
    });

    it(`refuses the invalid variant: ${problem}`, () => {
      const lines = refusalLines({ value: withChanges(validCaseFile(), invalid) });
      expect(lines[0]).toBe(HEADER);
      expect(lines.slice(1)).toContain(`  ${problem}`);
      expect(lines.length).toBeLessThanOrEqual(6);
    });
  });

  describe('a case without a supervisor leaves supervision empty', () => {
    it('refuses members in supervision', () => {
      const file = withChanges(caseFileWithoutSupervisor(), [[['case', 'systems', 'supervision', 'members'], [{ person: 't' }]]]);
      expect(refusalLines({ value: file })).toContain('  at case.systems.supervision.members: must be empty in a case without a supervisor');
    });

    it('refuses relations in supervision', () => {
      const file = withChanges(caseFileWithoutSupervisor(), [
        [['case', 'systems', 'supervision'], { members: [{ person: 't' }], relations: [{ id: 'q1', from: 't', to: 't', fromRole: 'self-critic' }] }],
      ]);
      expect(refusalLines({ value: file })).toContain('  at case.systems.supervision.members: must be empty in a case without a supervisor');
    });

    it('does not ask for the supervisor in supervision', () => {
      const file = caseFileWithoutSupervisor();
      expect(parseCaseFileValue(file, 'case.json').case.people.map((p) => p.kind)).toEqual(['client', 'therapist', 'other']);
    });
  });

  describe.each(UNKNOWN_KEYS)('unknown key "$key"', ({ at, key }) => {
    it('is refused with its path', () => {
      const file = withChanges(validCaseFile(), [[[...at, key], 'oops']]);
      const lines = refusalLines({ value: file });
      expect(lines).toEqual([HEADER, `  at ${pathText([...at, key])}: unknown field "${key}"`]);
    });
  });

  it('reads a position written as 1e999 in the file as not finite', () => {
    const text = JSON.stringify(validCaseFile()).replace('"x":120.5', '"x":1e999');
    expect(text).toContain('1e999');
    expect(refusalLines({ text })).toContain('  at case.systems.client.members[0].position.x: expected a finite number');
  });

  it('trims the title and names as it reads them', () => {
    const file = withChanges(validCaseFile(), [
      [['case', 'title'], '  M., 42  '],
      [['case', 'people', 0, 'name'], ' A. '],
    ]);
    const { case: kase } = parseCaseFileValue(file, 'case.json');
    expect(kase.title).toBe('M., 42');
    expect(kase.people[0]?.name).toBe('A.');
  });
});

describe('file-level refusals', () => {
  const validText = () => serializeCaseFile(parseCaseFileValue(validCaseFile(), 'case.json').case);

  it('refuses a file over 10 MiB before parsing it, even when it is otherwise valid JSON', () => {
    const padded = validText().padEnd(MAX_CASE_FILE_BYTES + 1, ' ');
    expect(padded.length).toBe(MAX_CASE_FILE_BYTES + 1);
    expect(refusalLines({ text: padded })).toEqual([HEADER, '  the file is larger than 10 MiB and was not read']);
  });

  it('reads a valid file of exactly 10 MiB', () => {
    const padded = validText().padEnd(MAX_CASE_FILE_BYTES, ' ');
    expect(parseCaseFileText(padded, 'case.json').case.id).toBe('fixture-case');
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    // 3.5 Mi characters of "€" are 10.5 MiB on disk.
    const text = `{"summary":"${'€'.repeat(3.5 * 1024 * 1024)}"}`;
    expect(text.length).toBeLessThan(MAX_CASE_FILE_BYTES);
    expect(refusalLines({ text })).toEqual([HEADER, '  the file is larger than 10 MiB and was not read']);
  });

  it('refuses over-size text that is not JSON with the size problem, showing it was never parsed', () => {
    expect(refusalLines({ text: '{'.repeat(MAX_CASE_FILE_BYTES + 1) })).toEqual([HEADER, '  the file is larger than 10 MiB and was not read']);
  });

  it.each([
    ['an empty file', ''],
    ['a lone brace', '{'],
    ['prose', 'not json'],
    ['a trailing comma', '{"format": "triptych-case",}'],
    ['a cut-off case file', '{"format": "triptych-case", "version": 1, "case": {"id": "fixture-case", "title": "A.'],
  ])('refuses text that is not JSON: %s', (_label, text) => {
    const lines = refusalLines({ text }, 'notes.txt');
    expect(lines[0]).toBe('notes.txt: not a valid case file');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {2}not JSON: /);
  });

  it.each([
    ['[]', 'at (the whole file): expected a case file: a JSON object with "format", "version" and "case"'],
    ['null', 'at (the whole file): expected a case file: a JSON object with "format", "version" and "case"'],
    ['"a case"', 'at (the whole file): expected a case file: a JSON object with "format", "version" and "case"'],
    ['{"format":"triptych-case","version":1}', 'at case: expected the case (an object with id, title, people and systems)'],
  ])('refuses JSON that is not a case file: %s', (text, problem) => {
    expect(refusalLines({ text })).toContain(`  ${problem}`);
  });

  it('lists at most 5 problems', () => {
    const file = withChanges(validCaseFile(), [
      [['case', 'id'], 'bad id'],
      [['case', 'title'], ''],
      [['case', 'createdAt'], 'soon'],
      [['case', 'updatedAt'], 'later'],
      [['case', 'summary'], 5],
      [['case', 'people', 0, 'name'], ''],
      [['case', 'people', 1, 'kind'], 'tutor'],
    ]);
    const lines = refusalLines({ value: file });
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1)).toEqual([
      '  at case.id: must be 1–64 characters of A-Z a-z 0-9 _ -',
      '  at case.title: must not be empty',
      '  at case.createdAt: expected an ISO 8601 date-time',
      '  at case.updatedAt: expected an ISO 8601 date-time',
      '  at case.summary: expected text',
    ]);
  });

  it('carries a stable code and the file name', () => {
    try {
      parseCaseFileText('{', 'mine.json');
      expect.unreachable('the file should have been refused');
    } catch (error) {
      expect(error).toBeInstanceOf(CaseFileError);
      expect((error as CaseFileError).code).toBe('invalid-case-file');
      expect((error as CaseFileError).fileName).toBe('mine.json');
    }
  });

  it('puts the newer-version problem first, before what the newer format changed', () => {
    const file = withChanges(validCaseFile(), [
      [['version'], 3],
      [['case', 'systems', 'client', 'groups'], []],
    ]);
    expect(refusalLines({ value: file })[1]).toBe(
      '  at version: made by a newer version of Triptych (format version 3); this version reads format version 1',
    );
  });
});

describe('structurally broken case files', () => {
  const BROKEN: { name: string; changes: Change[]; problem: string }[] = [
    { name: 'people is a string', changes: [[['case', 'people'], 'A., B.']], problem: 'at case.people: expected a list of people' },
    { name: 'a member without person', changes: [[['case', 'systems', 'therapy', 'members', 0, 'person'], REMOVE]], problem: 'at case.systems.therapy.members[0].person: expected an id (text)' },
    { name: 'a person that is a number', changes: [[['case', 'people', 2], 7]], problem: 'at case.people[2]: expected a person (an object with id, name and kind)' },
    { name: 'members is an object', changes: [[['case', 'systems', 'client', 'members'], { c: {} }]], problem: 'at case.systems.client.members: expected a list of members' },
    { name: 'a relation that is null', changes: [[['case', 'systems', 'therapy', 'relations', 1], null]], problem: 'at case.systems.therapy.relations[1]: expected a relation (an object with id, from and to)' },
    { name: 'a system that is a list', changes: [[['case', 'systems', 'client'], []]], problem: 'at case.systems.client: expected a system (an object with members and relations)' },
    { name: 'systems is null', changes: [[['case', 'systems'], null]], problem: 'at case.systems: expected the systems "client", "therapy" and "supervision"' },
    { name: 'customRoles is an object', changes: [[['case', 'customRoles'], { martyr: 'Martyr' }]], problem: 'at case.customRoles: expected a list of custom roles' },
    { name: 'a custom feeling that is text', changes: [[['case', 'customFeelings', 0], 'numb']], problem: 'at case.customFeelings[0]: expected a custom feeling (an object with id and label)' },
    { name: 'relation from is a number', changes: [[['case', 'systems', 'client', 'relations', 0, 'from'], 3]], problem: 'at case.systems.client.relations[0].from: expected an id (text)' },
    { name: 'the case is a list', changes: [[['case'], []]], problem: 'at case: expected the case (an object with id, title, people and systems)' },
  ];

  it.each(BROKEN)('$name gives a clean error', ({ changes, problem }) => {
    const lines = refusalLines({ value: withChanges(validCaseFile(), changes) });
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain(`  ${problem}`);
  });

  it('reports only the shape problem, not echoes of it from the cross-reference checks', () => {
    const lines = refusalLines({ value: withChanges(validCaseFile(), [[['case', 'people', 0, 'id'], 'c c']]) });
    expect(lines).toEqual([HEADER, '  at case.people[0].id: must be 1–64 characters of A-Z a-z 0-9 _ -']);
  });

  it('never throws anything but a CaseFileError, whatever one part of the file is replaced with', () => {
    const base = validCaseFile();
    const paths = allPaths(base);
    const change = fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(REMOVE)));
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        let file: ReturnType<typeof validCaseFile>;
        try {
          file = withChanges(base, changes);
        } catch {
          return; // an earlier change removed the container a later one points into
        }
        try {
          parseCaseFileValue(file, 'case.json');
        } catch (error) {
          expect(error).toBeInstanceOf(CaseFileError);
          const lines = (error as CaseFileError).message.split('\n');
          expect(lines[0]).toBe(HEADER);
          expect(lines.length).toBeGreaterThanOrEqual(2);
          expect(lines.length).toBeLessThanOrEqual(6);
          for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}at \S.*: ./);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('round trip', () => {
  it('export then import gives back a deep-equal case', () => {
    const first = parseCaseFileValue(validCaseFile(), 'case.json');
    const again = parseCaseFileText(serializeCaseFile(first.case), 'case.json');
    expect(again).toEqual(first);
  });

  it('writes the same text again after a round trip', () => {
    const text = serializeCaseFile(parseCaseFileValue(validCaseFile(), 'case.json').case);
    expect(serializeCaseFile(parseCaseFileText(text, 'case.json').case)).toBe(text);
  });

  it('keeps a case without a supervisor, untrimmed-then-trimmed text and defaults equal', () => {
    const file = withChanges(caseFileWithoutSupervisor(), [
      [['case', 'title'], '  spaced  '],
      [['case', 'systems', 'client', 'members', 1], { person: 'o' }],
      [['case', 'customRoles'], REMOVE],
    ]);
    const first = parseCaseFileValue(file, 'case.json');
    expect(first.case.customRoles).toEqual([]);
    expect(parseCaseFileText(serializeCaseFile(first.case), 'case.json')).toEqual(first);
  });
});
