import type { Migration } from '../store/migration';

export const calendarMigrations: Migration[] = [];
