import type { Migration } from '../store/migration';

export const incidentsMigrations: Migration[] = [];
