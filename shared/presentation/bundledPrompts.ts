import promptsFile from '../../resources/prompts/reflective-prompts.json';
import { parseReflectivePrompts, type ReflectivePrompts } from './prompts';

/**
 * The reflective prompts as built into the renderer: the page cannot read
 * files, so the bundler copies resources/prompts/reflective-prompts.json in
 * at build time. An edit to the file shows after the next build; the CLI and
 * the handout printer read the file itself (electron/presentation/loadPrompts.ts).
 */
export const BUNDLED_PROMPTS: ReflectivePrompts = parseReflectivePrompts(promptsFile, 'resources/prompts/reflective-prompts.json');
