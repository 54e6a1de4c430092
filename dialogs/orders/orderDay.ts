/** "Tue, Dec 1": the one way order answers write a date, in the customer's zone. */
export function orderDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(iso));
}
