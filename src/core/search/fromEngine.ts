// Picks the models one search needs out of everything a bundle loaded.
import type { EngineModels, ValueModel } from '../lm.js';
import { availableStrategies, VERIFIERS } from '../../shared/engineProtocol.js';
import { BadRequestError, type SearchModels } from './models.js';
import type { VerifierName } from './trace.js';

export function searchModels(engine: EngineModels, verifier: VerifierName | null, purpose = 'this strategy'): SearchModels {
  const base = { policy: engine.policy, codec: engine.tokenizer, info: engine.info };
  return verifier === null ? base : { ...base, verifier: { name: verifier, model: requireVerifier(engine, verifier, purpose) } };
}

/** The verifiers a loaded bundle has. */
export function engineVerifiers(engine: EngineModels): VerifierName[] {
  return VERIFIERS.filter((name) => engine[name] !== undefined);
}

/** "a, b or c". */
function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The named verifier. ORM and PRM exist only in benchmark bundles; a Hugging Face folder has a TVM
 * only when its tutor.json names one. `purpose` says what needs it ("beam search", "Check my steps").
 */
export function requireVerifier(engine: EngineModels, verifier: VerifierName, purpose = 'this strategy'): ValueModel {
  const model = engine[verifier];
  if (model) return model;
  const verifiers = engineVerifiers(engine);
  if (verifiers.length === 0) {
    throw new BadRequestError(
      `the model bundle "${engine.info.name}" has no value model (TVM), which ${purpose} needs; with it use ${orList(availableStrategies(verifiers))}, ` +
        'or add a TVM to the bundle (tutor.json "verifiers", README "Bring your own model")',
    );
  }
  throw new BadRequestError(`the bundle "${engine.info.name}" has no ${verifier} verifier; use --verifier ${verifiers.join('|')} or a bundle built with baseline verifiers`);
}
