import type { Migration } from '../store/migration';

export const deadlinesMigrations: Migration[] = [];
