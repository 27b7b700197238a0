/** Cron expressions as people read them, for settings and help texts. */
const DAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/**
 * `0 9 * * 1` → "Mondays at 09:00". Only the weekly shape the digest uses is put in words; any
 * other expression is shown as written.
 */
export function describeCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const [minute, hour, dayOfMonth, month, weekday] = fields.length === 6 ? fields.slice(1) : fields;
  const day = DAYS[Number(weekday)];
  if (
    fields.length < 5 ||
    dayOfMonth !== '*' ||
    month !== '*' ||
    !/^\d{1,2}$/.test(minute ?? '') ||
    !/^\d{1,2}$/.test(hour ?? '') ||
    !/^[0-7]$/.test(weekday ?? '') ||
    !day
  ) {
    return `cron "${cron}"`;
  }
  return `${day} at ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
