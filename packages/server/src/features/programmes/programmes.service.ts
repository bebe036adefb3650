import type { ServiceContext } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { programmeById, programmeByIdOrSlug } from './programmes.repository.js';

/** The programme an id or slug names; 404 for an unknown one. */
export async function findProgramme({ db }: Pick<ServiceContext, 'db'>, idOrSlug: string) {
  const row = await programmeByIdOrSlug(db, idOrSlug);
  if (!row) throw notFound('Programme');
  return row;
}

/** The programme with this id, optionally locked; 404 for an unknown or malformed id. */
export async function programmeOrNotFound({ db }: Pick<ServiceContext, 'db'>, id: string, lock: 'update' | 'share' | false = false) {
  const row = await programmeById(db, id, lock);
  if (!row) throw notFound('Programme');
  return row;
}
