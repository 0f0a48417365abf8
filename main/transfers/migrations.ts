import type { Migration } from '../store/migration';

export const transfersMigrations: Migration[] = [];
