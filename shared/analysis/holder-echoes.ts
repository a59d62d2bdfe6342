import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { ALL_SASB_CODES } from '../library/sasb';
import { HolderEchoRecord } from './echo-records';
import type { EchoShelves } from './echo-order';
import { isHolder, recurs } from './holdings';
import { compared, identification } from './identification';
import type { IndexedCase } from './indexed-case';
import { IntList } from './int-list';
import { CLIENT, SUPERVISION, SYSTEM_COUNT, THERAPY } from './numbered-case';
import type { EchoMatch, HolderOccurrence } from './types';

const CODE_COUNT = ALL_SASB_CODES.length;

const codeSystems = new IntList();
const codeRoles = new IntList();
const codeHolders = new IntList();

/** The role echoes, exact and code-level, and the feeling echoes of a case (analysis.md, "Echo kinds" 1–3). */
export function addHolderEchoes(indexed: IndexedCase, shelves: EchoShelves): void {
  const { vocabulary } = indexed.numbered;
  for (let role = 0; role < vocabulary.roleCount; role += 1) addRoleEcho(indexed, shelves, role);
  addCodeEchoes(indexed, shelves);
  for (let feeling = 0; feeling < vocabulary.feelingCount; feeling += 1) addFeelingEcho(indexed, shelves, feeling);
}

function addRoleEcho(indexed: IndexedCase, shelves: EchoShelves, role: number): void {
  const { holdings, numbered } = indexed;
  const systems = holdings.roleSystems[role] as number;
  if (!recurs(systems)) return;
  shelves.put(holderEcho(indexed, 'role', 'exact', numbered.vocabulary.roleAt(role).id, holdings.roleHolders, role, systems));
}

function addFeelingEcho(indexed: IndexedCase, shelves: EchoShelves, feeling: number): void {
  const { holdings, numbered } = indexed;
  const systems = holdings.feelingSystems[feeling] as number;
  if (!recurs(systems)) return;
  shelves.put(holderEcho(indexed, 'feeling', 'exact', numbered.vocabulary.feelingAt(feeling), holdings.feelingHolders, feeling, systems));
}

/**
 * Roles with the same SASB code held in two or more systems, when at least
 * two different role ids with that code are held anywhere in the case: a
 * single role id would only repeat its exact echo.
 */
function addCodeEchoes(indexed: IndexedCase, shelves: EchoShelves): void {
  const { holdings, numbered } = indexed;
  const { vocabulary } = numbered;
  const { words } = holdings;
  const systemsOf = codeSystems.fill(CODE_COUNT, 0);
  const rolesOf = codeRoles.fill(CODE_COUNT, 0);
  const roleCount = vocabulary.roleCount;
  for (let role = 0; role < roleCount; role += 1) {
    const systems = holdings.roleSystems[role] as number;
    const code = vocabulary.roleAt(role).codeNumber;
    if (systems === 0 || code < 0) continue;
    systemsOf[code] = (systemsOf[code] as number) | systems;
    rolesOf[code] = (rolesOf[code] as number) + 1;
  }

  for (let code = 0; code < CODE_COUNT; code += 1) {
    const systems = systemsOf[code] as number;
    if (!recurs(systems) || (rolesOf[code] as number) < 2) continue;
    // The holders of the code are the holders of any of its roles.
    const holders = codeHolders.fill(SYSTEM_COUNT * words, 0);
    const roles: number[] = [];
    for (let role = 0; role < roleCount; role += 1) {
      if (vocabulary.roleAt(role).codeNumber !== code) continue;
      roles.push(role);
      const start = role * SYSTEM_COUNT * words;
      for (let word = 0; word < SYSTEM_COUNT * words; word += 1) {
        holders[word] = (holders[word] as number) | (holdings.roleHolders[start + word] as number);
      }
    }
    shelves.put(holderEcho(indexed, 'role', 'sasb', ALL_SASB_CODES[code] as string, holders, 0, systems, roles));
  }
}

/** For the wording: which of `roles` (numbers, in role-picker order) a person holds in a system. */
function rolesHeld(indexed: IndexedCase, roles: readonly number[], system: number, person: number): string[] {
  const { holdings, numbered } = indexed;
  const held: string[] = [];
  for (const role of roles) {
    if (isHolder(holdings.roleHolders, holdings.words, role, system, person)) held.push(numbered.vocabulary.roleAt(role).id);
  }
  return held;
}

/**
 * One echo from the sets of people holding `key` in each system (Holdings'
 * layout). Reading each set's bits from low to high lists its people once
 * each, in id order, as analysis.md orders occurrences.
 */
function holderEcho(
  indexed: IndexedCase,
  kind: 'role' | 'feeling',
  match: EchoMatch,
  key: string,
  holders: Int32Array,
  keyNumber: number,
  systems: number,
  /** For a code-level echo, the numbers of its code's roles, so the wording can name the roles behind each occurrence. */
  codeRoles?: readonly number[],
): HolderEchoRecord {
  const { cast, holdings, numbered } = indexed;
  const { words } = holdings;
  const { people } = numbered;
  // The therapist is compared with the client in the client's world, the
  // supervisor with the therapist in therapy; worked out once per echo.
  const therapistKind = compared((systems & (1 << CLIENT)) !== 0, isHolder(holders, words, keyNumber, CLIENT, cast.client));
  const supervisorKind = compared((systems & (1 << THERAPY)) !== 0, isHolder(holders, words, keyNumber, THERAPY, cast.therapist));

  const systemIds: SystemId[] = [];
  const occurrences: HolderOccurrence[] = [];
  const rolesPerOccurrence: string[][] | undefined = codeRoles === undefined ? undefined : [];
  for (let systemNumber = CLIENT; systemNumber <= SUPERVISION; systemNumber += 1) {
    if ((systems & (1 << systemNumber)) === 0) continue;
    const system = SYSTEM_IDS[systemNumber] as SystemId;
    systemIds.push(system);
    const start = (keyNumber * SYSTEM_COUNT + systemNumber) * words;
    for (let word = 0; word < words; word += 1) {
      let bits = holders[start + word] as number;
      while (bits !== 0) {
        const lowest = bits & -bits;
        bits ^= lowest;
        const number = word * 32 + 31 - Math.clz32(lowest);
        const person = people.idAt(number);
        const found = identification(
          systemNumber !== CLIENT && number === cast.therapist ? therapistKind : undefined,
          systemNumber === SUPERVISION && number === cast.supervisor ? supervisorKind : undefined,
        );
        occurrences.push(found === undefined ? { system, person } : { system, person, identification: found });
        if (codeRoles !== undefined) rolesPerOccurrence?.push(rolesHeld(indexed, codeRoles, systemNumber, number));
      }
    }
  }
  return new HolderEchoRecord(kind, match, key, systemIds, occurrences, rolesPerOccurrence, indexed.context);
}
