import { z } from 'zod';
import { id } from './common.js';

/** A person as shown beside a request or mentorship: enough to recognise them, no contact details. */
export const personSummary = z.object({
  id,
  name: z.string(),
  avatarUrl: z.string().nullable(),
  headline: z.string(),
  position: z.string(),
  company: z.string(),
  industry: z.string(),
  programme: z.string(),
  graduationYear: z.number().int().nullable(),
  skills: z.array(z.string()),
  goals: z.string(),
  timeZone: z.string().nullable(),
  location: z.string(),
});
export type PersonSummary = z.infer<typeof personSummary>;
