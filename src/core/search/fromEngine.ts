// Picks the models one search needs out of everything a bundle loaded.
import type { EngineModels, ValueModel } from '../lm.js';
import { BadRequestError, type SearchModels } from './models.js';
import type { VerifierName } from './trace.js';

export function searchModels(engine: EngineModels, verifier: VerifierName | null): SearchModels {
  const base = { policy: engine.policy, codec: engine.tokenizer, info: engine.info };
  return verifier === null ? base : { ...base, verifier: { name: verifier, model: requireVerifier(engine, verifier) } };
}

/** The named verifier; ORM and PRM exist only in benchmark bundles. */
export function requireVerifier(engine: EngineModels, verifier: VerifierName): ValueModel {
  const model = engine[verifier];
  if (!model) {
    throw new BadRequestError(`the bundle "${engine.info.name}" has no ${verifier} verifier; use --verifier tvm or a bundle built with baseline verifiers`);
  }
  return model;
}
