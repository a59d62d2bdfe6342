/**
 * Why an edit was refused:
 * - `not-found`: the command names a person, member, relation, role or
 *   feeling that is not in the case (usually a stale screen);
 * - `not-allowed`: the values are well formed but the edit would break a rule
 *   of the case (one client, required members, capacity, unique ids);
 * - `invalid`: a value can never be right (empty name, text too long,
 *   malformed id, a position off the map).
 */
export type CommandErrorCode = 'not-found' | 'not-allowed' | 'invalid';

/** An edit that was refused; the case it was applied to is unchanged. */
export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
