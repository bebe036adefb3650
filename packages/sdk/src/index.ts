export { createClient, type ClientOptions, type MentorkitClient, type RequestOptions, type TokenSource } from './client.js';
export { ApiError } from './errors.js';
export type * from '@mentorkit/contract';
