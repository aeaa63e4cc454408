/** Calendar days in Morocco (Africa/Casablanca), as 'YYYY-MM-DD' strings. */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit' });

export const todayInMorocco = (): string => dayFormat.format(new Date());

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
