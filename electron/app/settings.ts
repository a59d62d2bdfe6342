import path from 'node:path';
import { z } from 'zod';
import { AutoLockMinutesSchema } from '../../shared/ipc/contract';
import { ensurePrivateDir, readFileIfExists, writeFileAtomic } from '../store/files';

/** The settings file's name inside the data folder. It holds nothing secret and nothing clinical. */
export const SETTINGS_FILE = 'settings.json';

const SettingsSchema = z.strictObject({
  autoLockMinutes: AutoLockMinutesSchema,
});
/** What the clinician set in the Security settings; read before unlocking, so never encrypted. */
export type WorkspaceSettings = z.output<typeof SettingsSchema>;

/** Triptych locks itself after ten idle minutes unless the clinician chose otherwise (issue 5). */
export const DEFAULT_SETTINGS: WorkspaceSettings = { autoLockMinutes: 10 };

/**
 * The settings of `dataDir`. A missing or damaged file gives the defaults:
 * the safe choice (a ten-minute auto-lock) is better than refusing to start
 * over a file that holds no case data.
 */
export async function readSettings(dataDir: string): Promise<WorkspaceSettings> {
  const bytes = await readFileIfExists(path.join(dataDir, SETTINGS_FILE));
  if (bytes === null) return DEFAULT_SETTINGS;
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Replaces the settings file in one atomic step. */
export async function writeSettings(dataDir: string, settings: WorkspaceSettings): Promise<void> {
  const valid = SettingsSchema.parse(settings);
  await ensurePrivateDir(dataDir);
  await writeFileAtomic(path.join(dataDir, SETTINGS_FILE), Buffer.from(`${JSON.stringify(valid, null, 2)}\n`, 'utf8'));
}
