import { z } from 'zod';
import { profile, roles, user } from './profile.js';
import { mentorSettings } from './mentors.js';
import { demoPersonas } from './values.js';
import { mailLanguages } from './email.js';

/** `GET /me`. `mentor` is null until an admin approves the caller's mentor application. */
export const me = z.object({
  user,
  profile,
  mentor: mentorSettings.nullable(),
  roles: z.array(z.enum(roles)),
  /**
   * The language the person reads Mentorkit in: the one they chose for their email
   * (`PUT /me/notification-preferences`), English until they choose. Elements render in it when
   * neither they nor the page declare a language.
   */
  language: z.enum(mailLanguages),
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
