import { z } from 'zod';
import type { Case, Person } from '../case/schema';
import { CommandError } from './commandError';
import { emptyMember } from './caseParts';
import { LIMITS, checkId, trimmedText } from './fieldRules';

const Timestamp = z.iso.datetime({ offset: true });

/**
 * A new case with its client, therapist and (when named) supervisor, each a
 * member of the systems they must be in, and nothing else yet. People get the
 * ids "client", "therapist" and "supervisor". A blank supervisor name means
 * no supervisor, as an empty field on the New case form does.
 */
export function newCase(input: {
  id: string;
  title: string;
  clientName: string;
  therapistName: string;
  supervisorName?: string;
  now: string;
}): Case {
  checkId(input.id, 'a case');
  if (!Timestamp.safeParse(input.now).success) {
    throw new CommandError('invalid', `"${input.now}" is not an ISO 8601 date-time; the case needs one for when it was made.`);
  }
  const client: Person = { id: 'client', name: trimmedText(input.clientName, "The client's name", LIMITS.name), kind: 'client' };
  const therapist: Person = {
    id: 'therapist',
    name: trimmedText(input.therapistName, "The therapist's name", LIMITS.name),
    kind: 'therapist',
  };
  const supervisorName = input.supervisorName?.trim() ?? '';
  const supervisor: Person | undefined =
    supervisorName === '' ? undefined : { id: 'supervisor', name: trimmedText(supervisorName, "The supervisor's name", LIMITS.name), kind: 'supervisor' };

  return {
    id: input.id,
    title: trimmedText(input.title, 'The title', LIMITS.title),
    createdAt: input.now,
    updatedAt: input.now,
    people: supervisor ? [client, therapist, supervisor] : [client, therapist],
    systems: {
      client: { members: [emptyMember(client.id)], relations: [] },
      therapy: { members: [emptyMember(client.id), emptyMember(therapist.id)], relations: [] },
      supervision: { members: supervisor ? [emptyMember(therapist.id), emptyMember(supervisor.id)] : [], relations: [] },
    },
    customRoles: [],
    customFeelings: [],
  };
}
