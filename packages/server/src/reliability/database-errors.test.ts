import { describe, expect, it } from 'vitest';
import { toApiError } from '../http/errors.js';

/**
 * How database failures map to answers, without a database: the fault tests (faults.test.ts)
 * produce these errors for real on PostgreSQL; this pins the mapping where PostgreSQL is absent.
 */
describe('database failures as API errors', () => {
  it.each([
    ['a backend terminated by an administrator', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a crash shutdown', Object.assign(new Error('terminating connection because of crash of another server process'), { code: '57P02' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection lost under a query (no SQLSTATE)', new Error('Connection terminated unexpectedly')],
    ['a ROLLBACK on the dead connection (no SQLSTATE)', new Error('Client was closed and is not queryable')],
  ])('answers 503 unavailable to %s', (_label, err) => {
    const apiError = toApiError(err);
    expect(apiError.code).toBe('unavailable');
    expect(apiError.status).toBe(503);
    expect(apiError.message).not.toContain('terminat');
  });

  it('still answers 500 internal to an error it does not recognise, without its message', () => {
    const apiError = toApiError(new Error('Connection to the moon lost'));
    expect(apiError.code).toBe('internal');
    expect(apiError.message).toBe('Something went wrong');
  });
});
