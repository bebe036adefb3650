import { id, progress, progressNote, progressNoteInput } from '@mentorkit/contract';
import { created, defineRoute, ok } from '../../http/route.js';
import { idempotencyKeyFrom } from '../shared/idempotency.js';
import { addProgressNote, getProgress } from './progress.service.js';

/** Progress notes (either party) and the computed progress with its timeline. */
export const progressRoutes = [
  defineRoute({
    method: 'post', path: '/mentorships/{id}/progress-notes', operationId: 'addProgressNote', summary: 'Add a progress note (either party)', tag: 'timeline', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: progressNoteInput }, idempotencyKey: true, errors: ['not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(progressNote, 'The note')],
  }, async (c, { params, body }) => {
    const key = idempotencyKeyFrom(c.req.header('idempotency-key'));
    return c.json(await addProgressNote(c.get('deps'), c.get('viewer'), params.id, body, key), 201);
  }),
  defineRoute({
    method: 'get', path: '/mentorships/{id}/progress', operationId: 'getProgress', summary: 'Progress percent, milestones and the timeline of events', tag: 'timeline', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [ok(progress, 'The progress')],
  }, async (c, { params }) => c.json(await getProgress(c.get('deps'), c.get('viewer'), params.id), 200)),
];
