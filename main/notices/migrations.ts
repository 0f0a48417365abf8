import type { Migration } from '../store/migration';

export const noticesMigrations: Migration[] = [];
