import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InputError, isoDateSchema, ownershipKey, type OwnershipRegister } from '../../domain/index.js';
import { today } from '../../bundle/redline.js';
import { registerFromEdges } from '../../ownership/index.js';
import { importRegisterCsv, ownershipRegisterCache, type Store } from '../../store/index.js';
import type { ApiDeps } from '../deps.js';
import { parseWith } from '../parse.js';

export const ownersQuerySchema = z.strictObject({ asOf: isoDateSchema.optional() });

const caches = new WeakMap<Store, () => Promise<OwnershipRegister | undefined>>();

/** The register snapshot POST /v1/check reads, reloaded when another import landed (in any process). */
export function ownershipRegisterOf(store: Store): Promise<OwnershipRegister | undefined> {
  let get = caches.get(store);
  if (!get) caches.set(store, (get = ownershipRegisterCache(store)));
  return get();
}

/** The ownership register (docs/ownership.md): import a CSV as a new version; who owns a name. */
export function ownersRoutes(app: FastifyInstance, deps: ApiDeps, bodyLimit: number): void {
  app.post('/v1/owners/import', { config: { role: 'analyst' }, bodyLimit }, async (req, reply) => {
    if (typeof req.body !== 'string') {
      throw new InputError([{ path: 'body', message: 'send the register CSV itself (Content-Type text/csv): entity, owner, share, as_of, source' }]);
    }
    const imported = await importRegisterCsv(deps.store, req.body, { source: 'api', keyId: req.caller!.id });
    return reply.code(201).send(imported);
  });

  app.get<{ Params: { name: string } }>('/v1/owners/:name', { config: { role: 'viewer' } }, async (req) => {
    const { asOf } = parseWith(ownersQuerySchema, req.query);
    const date = asOf ?? today();
    const name = req.params.name;
    const { asEntity, asOwner } = await deps.store.ownerEdgesFor(ownershipKey(name));
    return { name, asOf: date, owners: registerFromEdges(asEntity).ownersOf(name, date), history: asEntity, holdings: asOwner };
  });
}
