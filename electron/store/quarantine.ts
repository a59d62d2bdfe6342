import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { QuarantineReportSchema } from '../../shared/ipc/contract';
import { PRIVATE_FILE_MODE, ensurePrivateDir, fileStamp, syncDirectory } from './files';

export type QuarantineReport = z.output<typeof QuarantineReportSchema>;

/**
 * Moves damaged files aside instead of overwriting them, and remembers what it
 * moved so the app can tell the user. The file is renamed, not rewritten, so
 * its bytes (still encoded by the store's codec) are kept exactly as found.
 */
export class Quarantine {
  private readonly reports: QuarantineReport[] = [];
  private sequence = 0;

  constructor(
    private readonly dataDir: string,
    readonly dir: string = path.join(dataDir, 'quarantine'),
  ) {}

  /** Moves `file` into the quarantine folder and records why. */
  async take(file: string, reason: string): Promise<QuarantineReport> {
    await ensurePrivateDir(this.dir);
    const at = new Date();
    const flatName = path.relative(this.dataDir, file).split(path.sep).join('_');
    this.sequence += 1;
    // The stamp and the per-store sequence make the name unique while this
    // process holds the store lock, so the rename never replaces an earlier one.
    const movedTo = path.join(this.dir, `${fileStamp(at)}-${String(this.sequence).padStart(4, '0')}-${flatName}`);
    await fs.rename(file, movedTo);
    // The damaged file may have been written by another program with looser permissions.
    await fs.chmod(movedTo, PRIVATE_FILE_MODE);
    await syncDirectory(this.dir);
    await syncDirectory(path.dirname(file));
    const report: QuarantineReport = { file, movedTo, reason, at: at.toISOString() };
    this.reports.push(report);
    return report;
  }

  /** Every file moved aside since the store was opened. */
  list(): QuarantineReport[] {
    return this.reports.map((report) => ({ ...report }));
  }
}
