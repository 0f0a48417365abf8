export const CHROMIUM_ARGS: string[];
export function candidates(platform?: string, env?: Record<string, string | undefined>): string[];
export function isExecutableFile(path: string): boolean;
export function findChromium(options?: {
  env?: Record<string, string | undefined>;
  platform?: string;
  isExecutable?: (path: string) => boolean;
}): { path: string; message?: undefined } | { path: null; message: string };
