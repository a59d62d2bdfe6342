import type { z } from 'zod';
import { CASE_FORMAT_NAME, CASE_FORMAT_VERSION, CaseFileSchema, type Case, type CaseFile } from './schema';

/** Files larger than this are refused before parsing (case-format.md). */
export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;
const MAX_REPORTED_PROBLEMS = 5;

/** A case file that could not be read, with the text case-format.md prescribes. */
export class CaseFileError extends Error {
  readonly code = 'invalid-case-file';
  constructor(
    readonly fileName: string,
    readonly problems: readonly string[],
  ) {
    super([`${fileName}: not a valid case file`, ...problems.map((p) => `  ${p}`)].join('\n'));
    this.name = 'CaseFileError';
  }
}

/** Renders a zod path the way a JSON reader writes it: `case.people[0].name`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** Turns zod issues into case-format.md's "at PATH: problem" lines. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`at ${formatJsonPath([...issue.path, key])}: unknown field "${key}"`);
    } else {
      const where = formatJsonPath(issue.path) || '(the whole file)';
      lines.push(`at ${where}: ${issue.message}`);
    }
  }
  return lines.slice(0, MAX_REPORTED_PROBLEMS);
}

/** Validates an already-parsed JSON value as a case file; throws CaseFileError. */
export function parseCaseFileValue(value: unknown, fileName: string): CaseFile {
  const result = CaseFileSchema.safeParse(value);
  if (!result.success) throw new CaseFileError(fileName, describeIssues(result.error.issues));
  return result.data;
}

/** Reads a case file's text: size limit, JSON syntax, then every rule of case-format.md. */
export function parseCaseFileText(text: string, fileName: string): CaseFile {
  if (byteLength(text) > MAX_CASE_FILE_BYTES) {
    throw new CaseFileError(fileName, [`the file is larger than 10 MiB and was not read`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CaseFileError(fileName, [`not JSON: ${(error as Error).message}`]);
  }
  return parseCaseFileValue(value, fileName);
}

/** The file text that Export writes for one case. */
export function serializeCaseFile(kase: Case): string {
  const file: CaseFile = { format: CASE_FORMAT_NAME, version: CASE_FORMAT_VERSION, case: kase };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function byteLength(text: string): number {
  // A UTF-16 string never takes more than three UTF-8 bytes per code unit, so
  // short texts skip the encoding pass.
  if (text.length * 3 <= MAX_CASE_FILE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}
