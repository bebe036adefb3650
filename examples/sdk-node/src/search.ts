/**
 * Scripting Mentorkit from Node with the SDK: sign in as a demo persona, search for mentors and
 * print the best matches with the reasons behind each score.
 *
 *   npm start                                  # in another terminal: the demo server
 *   node examples/sdk-node/dist/search.js "data engineering"
 */
import { createClient, type MentorkitClient } from '@mentorkit/sdk';

export async function topMatches(client: MentorkitClient, q: string, limit = 5): Promise<string[]> {
  const result = await client.mentors.search({ q, sort: 'match', availability: 'accepting', limit });
  const lines = [`${result.total} mentors match "${q}"`];
  for (const m of result.items) {
    lines.push(`- ${m.name} (${m.match.score}%) — ${m.headline || m.position}`);
    for (const reason of m.match.reasons) lines.push(`    · ${reason}`);
  }
  return lines;
}

async function main() {
  const baseUrl = process.env['MENTORKIT_URL'] ?? 'http://localhost:8787';
  const query = process.argv[2] ?? 'data';
  const anonymous = createClient({ baseUrl });
  const { token } = await anonymous.dev.token('mentee');
  const client = createClient({ baseUrl, token });
  for (const line of await topMatches(client, query)) console.log(line);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
