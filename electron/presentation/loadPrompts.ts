import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseReflectivePrompts, ReflectivePromptsError, type ReflectivePrompts } from '../../shared/presentation/prompts';

/**
 * resources/prompts/reflective-prompts.json of the repository: this file
 * (electron/presentation/) and the bundled main process (out/main/) both
 * sit two folders below the root.
 */
export const DEFAULT_PROMPTS_FILE = fileURLToPath(new URL('../../resources/prompts/reflective-prompts.json', import.meta.url));

/** Reads and validates the reflective prompts file; throws ReflectivePromptsError when it cannot be used. */
export async function loadReflectivePrompts(path: string = DEFAULT_PROMPTS_FILE): Promise<ReflectivePrompts> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ReflectivePromptsError(path, [`could not read the file: ${(error as Error).message}`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReflectivePromptsError(path, [`not JSON: ${(error as Error).message}`]);
  }
  return parseReflectivePrompts(value, path);
}
