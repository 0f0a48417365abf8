// Placeholder: the deadlines module shows new due-soon/overdue alerts here (its issue replaces this file).
export function AlertBanner() {
  return null;
}
