// Placeholder: Settings → Calendars and the deadline calculator (the deadlines issue replaces this file).
export function CalendarSettings() {
  return null;
}
