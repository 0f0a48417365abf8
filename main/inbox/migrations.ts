import type { Migration } from '../store/migration';

export const inboxMigrations: Migration[] = [];
