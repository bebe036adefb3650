import { msg, str } from '@lit/localize';
import type { ValidationIssue } from '@mentorkit/contract';
import { ApiError } from '@mentorkit/sdk';

/**
 * zod's default messages ("Too small: expected string to have >=50 characters") say the right
 * thing in the wrong voice for a form. These rewrite the common ones; anything else (including
 * the contract's own messages, such as "Name at least one area of expertise") passes through.
 */
const rewrites: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/expected string to have >=(\d+) characters?/i, (m) => msg(str`Write at least ${m[1]} characters.`)],
  [/expected string to have <=(\d+) characters?/i, (m) => msg(str`Keep it to ${m[1]} characters or fewer.`)],
  [/expected array to have >=(\d+) items?/i, (m) => msg(str`Add at least ${m[1]}.`)],
  [/expected array to have <=(\d+) items?/i, (m) => msg(str`Add no more than ${m[1]}.`)],
  [/expected number to be >=(-?\d+)/i, (m) => msg(str`Enter ${m[1]} or more.`)],
  [/expected number to be <=(-?\d+)/i, (m) => msg(str`Enter ${m[1]} or less.`)],
  [/expected (number|int)/i, () => msg('Enter a whole number.')],
  [/invalid url/i, () => msg('Enter a full web address starting with https://')],
];

export function friendlyIssue(message: string): string {
  for (const [pattern, say] of rewrites) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return message;
}

/**
 * The API's field issues by top-level field, in words to show beside each field. An issue on an
 * item of a list (`links.2`) is shown on the list's field, naming the item ("Link 3: …").
 */
export function issuesByField(error: unknown, itemNames: Record<string, string> = {}): Map<string, string> {
  const byField = new Map<string, string>();
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return byField;
  for (const issue of error.issues as ValidationIssue[]) {
    const [field, index] = issue.path;
    if (typeof field !== 'string' || byField.has(field)) continue;
    const item = typeof index === 'number' && itemNames[field] ? `${itemNames[field]} ${index + 1}: ` : '';
    byField.set(field, item + friendlyIssue(issue.message));
  }
  return byField;
}
