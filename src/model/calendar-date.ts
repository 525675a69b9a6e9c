/** Calendar dates as the model and the command line write them: YYYY-MM-DD, a day that exists. Pure. */

/** Written as a date: YYYY-MM-DD (whether that day exists is {@link isCalendarDate}'s question). */
export const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is YYYY-MM-DD and names a day of the (proleptic Gregorian) calendar. */
export function isCalendarDate(text: string): boolean {
  if (!DATE_SHAPE.test(text)) return false;
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}
