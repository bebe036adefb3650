import { z } from 'zod';
import { profile, roles, user } from './profile.js';
import { mentorSettings } from './mentors.js';
import { demoPersonas } from './values.js';

/** `GET /me`. `mentor` is null until an admin approves the caller's mentor application. */
export const me = z.object({
  user,
  profile,
  mentor: mentorSettings.nullable(),
  roles: z.array(z.enum(roles)),
});
export type Me = z.infer<typeof me>;


export const devTokenRequest = z.object({ persona: z.enum(demoPersonas) }).strict();
export const devTokenResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  persona: z.enum(demoPersonas),
  name: z.string(),
});
export type DevTokenResponse = z.infer<typeof devTokenResponse>;
