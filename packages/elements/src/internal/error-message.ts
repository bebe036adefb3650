import { msg } from '@lit/localize';
import { ApiError } from '@mentorkit/sdk';

/** A failure in words a portal visitor can act on; never a code or a stack trace. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return msg('Something unexpected went wrong.');
  if (error.code === 'network_error') return msg('We could not reach the mentoring service. Check your connection and try again.');
  if (error.status === 401) return msg('Your sign-in has expired. Reload the page to sign in again.');
  if (error.status === 403) return msg('Your account does not have access to this.');
  // A 404 without the contract's error body (no request id): `api` points somewhere that is not Mentorkit.
  if (error.status === 404 && !error.requestId) return msg('The mentoring service could not be found at this address.');
  if (error.code === 'not_found') return msg('This is no longer available.');
  if (error.status === 429) return msg('Too many requests in a short time. Wait a moment and try again.');
  if (error.status >= 500) return msg('The mentoring service had a problem on its side.');
  return msg('The mentoring service could not answer this request.');
}
