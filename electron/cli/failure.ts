import { CaseFileError } from '../../shared/case/parse';
import { TriptychError } from '../../shared/ipc/result';
import { UsageError } from './args';
import { UnreadableFileError } from './readCaseFile';

/** Exit statuses: 0 done, 1 something went wrong on our side or the store's, 2 the input needs fixing. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** A failure as the command line reports it: the status and the text for standard error. */
export interface CliFailure {
  status: typeof EXIT_FAILURE | typeof EXIT_BAD_INPUT;
  message: string;
}

/** Input the user can fix that is not a matter of argument syntax, e.g. an --out file that already exists. */
export class BadInputError extends Error {
  readonly code = 'bad-input';
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/** The store could not be opened (locked by the running app, or unreadable). */
export class StoreUnavailableError extends Error {
  readonly code = 'store-unavailable';
  constructor(
    readonly dataDir: string,
    reason: unknown,
  ) {
    super(`could not open the store in ${dataDir}: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Decides the exit status of a failure. Status 2 means the user can fix the
 * input they gave (a file, an id, the arguments); status 1 means the input
 * was fine but something else failed, including a store that is locked
 * because the app is open, since retrying the same command later can work.
 */
export function describeFailure(error: unknown): CliFailure {
  if (error instanceof UsageError) {
    return { status: EXIT_BAD_INPUT, message: `triptych ${error.message}\nRun "triptych help" to see the commands.` };
  }
  if (error instanceof CaseFileError || error instanceof UnreadableFileError || error instanceof BadInputError) {
    return { status: EXIT_BAD_INPUT, message: error.message };
  }
  if (error instanceof StoreUnavailableError) {
    const locked = error.cause instanceof TriptychError && error.cause.code === 'store-locked';
    const advice = locked ? '\nClose Triptych (or wait for the other command to finish) and try again.' : '';
    return { status: EXIT_FAILURE, message: `triptych: ${error.message}${advice}` };
  }
  if (error instanceof TriptychError) {
    switch (error.code) {
      case 'not-found':
        return { status: EXIT_BAD_INPUT, message: `${error.message}\nRun "triptych list" to see the case ids.` };
      case 'invalid-case-file':
        return { status: EXIT_BAD_INPUT, message: error.message };
      default:
        return { status: EXIT_FAILURE, message: `triptych: ${error.message}` };
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { status: EXIT_FAILURE, message: `triptych: something went wrong: ${detail}` };
}
