// Between epoch milliseconds and the browser's local date/time inputs (datetime-local, date, month).
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DDTHH:MM' in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 'YYYY-MM-DD' in the browser's time zone. */
export const toLocalDate = (ms: number): string => toLocalInput(ms).slice(0, 10);

/** A datetime-local or date input's value as epoch ms in the browser's time zone; NaN when empty or invalid. */
export function fromLocalInput(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(value)) return Number.NaN;
  return new Date(value.length === 10 ? `${value}T00:00` : value).getTime();
}
