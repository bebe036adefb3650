import { z } from 'zod';
import { httpUrl, id, isoDateTime, tagList, text, timeZone } from './common.js';

const currentYear = new Date().getUTCFullYear();

/** What a user may change about themself (`PUT /me/profile`). Absent fields become empty. */
export const profileInput = z.object({
  headline: text(140).default(''),
  bio: text(4000).default(''),
  goals: text(2000).default(''),
  skills: tagList(30).default([]),
  industry: text(80).default(''),
  company: text(120).default(''),
  position: text(120).default(''),
  location: text(120).default(''),
  timeZone: timeZone.nullable().default(null),
  languages: tagList(10).default([]),
  graduationYear: z.number().int().min(1900).max(currentYear + 8).nullable().default(null),
  programme: text(120).default(''),
  linkedinUrl: httpUrl.nullable().default(null),
  websiteUrl: httpUrl.nullable().default(null),
}).strict();
export type ProfileInput = z.input<typeof profileInput>;

export const profile = z.object({
  userId: id,
  headline: z.string(),
  bio: z.string(),
  goals: z.string(),
  skills: z.array(z.string()),
  industry: z.string(),
  company: z.string(),
  position: z.string(),
  location: z.string(),
  timeZone: z.string().nullable(),
  languages: z.array(z.string()),
  graduationYear: z.number().int().nullable(),
  programme: z.string(),
  linkedinUrl: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type Profile = z.infer<typeof profile>;

export const user = z.object({
  id,
  name: z.string(),
  email: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof user>;

export const roles = ['alumnus', 'mentor', 'admin'] as const;
export type Role = (typeof roles)[number];
