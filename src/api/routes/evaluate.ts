import type { FastifyInstance } from 'fastify';
import { InputError, transactionSchema, type Classification, type InputProblem } from '../../domain/index.js';
import { checkAndRecord } from '../../store/index.js';
import type { ApiDeps } from '../deps.js';
import { oneOrMany, parseWith } from '../parse.js';
import { evaluateQuerySchema } from '../schemas.js';
import { ownershipRegisterOf } from './owners.js';
import { clipLongStrings } from '../long-strings.js';

/** One item's classification as contract.md shows it: the US entry, with every jurisdiction's under `all`. */
function classificationShape(cs: Classification[]) {
  const us = cs.find((c) => c.jurisdiction === 'US') ?? cs[0];
  return cs.length > 1 ? { ...us, all: cs } : us;
}

export function evaluateRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.post('/v1/check', { config: { role: 'viewer' }, preParsing: clipLongStrings() }, async (req) => {
    const { asOf } = parseWith(evaluateQuerySchema, req.query);
    // Validate every transaction first, so bad input is a 400 naming each problem and records nothing.
    // For an array that means answering each once without recording (an unknown model shows only
    // when the catalogue is asked); a single transaction fails before anything is recorded anyway.
    const { many, results: inputs } = oneOrMany(req.body, 'transaction', (tx, path) => {
      parseWith(transactionSchema, tx, path);
      return tx;
    });
    if (many) oneOrMany(req.body, 'transaction', (tx, path) => deps.redline.check(tx, { asOf, path }));
    const engines = { ruleset: deps.redline.ruleset, catalogue: deps.redline.catalogue, screener: deps.screener, owners: await ownershipRegisterOf(deps.store) };
    const problems: InputProblem[] = [];
    const out: unknown[] = [];
    // Every answer is in the audit log (with the cleared reviews it applied) before it is given.
    for (const [i, tx] of inputs.entries()) {
      try {
        const { determination, record } = await checkAndRecord(deps.store, engines, tx, { asOf, keyId: req.caller!.id, path: many ? `[${i}]` : '' });
        out.push({ ...determination, id: (tx as { id?: string }).id, recordId: record.id, auditSeq: record.auditSeq });
      } catch (e) {
        if (e instanceof InputError) problems.push(...e.problems);
        else throw e;
      }
    }
    if (problems.length) throw new InputError(problems);
    return many ? out : out[0];
  });

  app.post('/v1/classify', { config: { role: 'viewer' }, preParsing: clipLongStrings() }, async (req) => {
    const { asOf } = parseWith(evaluateQuerySchema, req.query);
    const { many, results } = oneOrMany(req.body, 'item', (item, path) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new InputError([{ path: path || 'body', message: 'must be a JSON object describing an item or naming a catalogue model' }]);
      }
      return classificationShape(deps.redline.classify(item, { asOf, path }));
    });
    return many ? results : results[0];
  });
}
