import { id, programmeReport as programmeReportSchema } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { programmeReport, programmeReportCsv } from './report.service.js';

export const reportRoutes = [
  defineRoute({
    method: 'get', path: '/admin/programmes/{id}/report', operationId: 'programmeReport', summary: 'A programme’s report: enrolment, matching, activity and at-risk mentorships', tag: 'admin', auth: 'bearer', role: 'admin',
    description: 'At risk: an active mentorship of the programme with no meeting or message for `MENTORSHIP_AT_RISK_DAYS` days (default 21).',
    params: { id }, errors: ['not_found'], responses: [ok(programmeReportSchema, 'The report')],
  }, async (c, { params }) => c.json(await programmeReport(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'get', path: '/admin/programmes/{id}/report.csv', operationId: 'programmeReportCsv', summary: 'A programme’s mentorships as CSV, one row each', tag: 'admin', auth: 'bearer', role: 'admin',
    description: 'UTF-8 with a byte order mark (so spreadsheets open it as UTF-8), RFC 4180 quoting and CRLF line ends; a cell that would start with `=`, `+`, `-` or `@` gets a leading apostrophe so it is never read as a formula. Columns: mentor, mentee, status, started, meetings held, milestones done/total, last activity.',
    params: { id }, errors: ['not_found'], responses: [{ status: 200, contentType: 'text/csv', description: 'The mentorships of the programme' }],
  }, async (c, { params }) => {
    const { filename, csv } = await programmeReportCsv(c.get('deps'), params.id);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  }),
];
