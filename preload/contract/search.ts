import { z } from 'zod';
import { ModuleName } from './common';

export const SearchHit = z.object({
  module: ModuleName,
  recordId: z.string(),
  ref: z.string(),
  title: z.string(),
  snippet: z.string(),
  /** Set when the hit is a file attached to the record (found by its name). */
  attachment: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchChannels = {
  'search.query': {
    input: z
      .object({ text: z.string().trim().min(1, 'Required').max(200), limit: z.number().int().min(1).max(100).default(20) })
      .strict(),
    output: z.object({ hits: z.array(SearchHit) }),
  },
} as const;
