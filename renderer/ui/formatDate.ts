const LAST_CHANGE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A stored ISO date-time as the clinician reads it, in their own locale and time zone. */
export function formatLastChange(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : LAST_CHANGE.format(date);
}
