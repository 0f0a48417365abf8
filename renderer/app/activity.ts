// Loads every module's activity messages (renderer/features/*/activity.ts and the shared
// renderer/components/*-activity.ts) so the registry knows them before any screen renders.
// A module adds a file; nobody edits a central list (other engineers add actions concurrently).
import.meta.glob(['../features/*/activity.ts', '../components/*-activity.ts'], { eager: true });
