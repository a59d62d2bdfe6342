import type { z } from 'zod';
import type { QuarantineReportSchema } from '../../shared/ipc/contract';
import { formatLastChange } from '../ui/formatDate';

type QuarantineReport = z.infer<typeof QuarantineReportSchema>;

/**
 * Tells the clinician, without alarm, that the store set damaged files aside:
 * what happened, that nothing was overwritten, and where the files are.
 */
export function StoreNotice({ quarantined }: { quarantined: readonly QuarantineReport[] }) {
  if (quarantined.length === 0) return null;
  const files = quarantined.length === 1 ? 'One file' : `${quarantined.length} files`;
  return (
    <section className="notice" role="status" aria-labelledby="store-notice-heading" data-testid="store-notice">
      <h2 id="store-notice-heading">{files} could not be read and {quarantined.length === 1 ? 'was' : 'were'} set aside</h2>
      <p>
        Triptych moved {quarantined.length === 1 ? 'it' : 'them'} to a separate folder unchanged instead of overwriting
        anything, so nothing in {quarantined.length === 1 ? 'it' : 'them'} is lost. Your other cases are not affected.
      </p>
      <details>
        <summary>Which files, and why</summary>
        <ul className="notice-list">
          {quarantined.map((report) => (
            <li key={`${report.file}@${report.at}`}>
              <span className="notice-file">{report.file}</span>: {report.reason}. Set aside on {formatLastChange(report.at)}{' '}
              as <span className="notice-file">{report.movedTo}</span>.
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
