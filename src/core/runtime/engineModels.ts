// Turns a loaded bundle into the model interfaces the search code uses (src/core/lm.ts).
import type { LoadedBundle } from '../bundle/loadBundle.js';
import type { EngineModels } from '../lm.js';
import { PolicySession } from './policySession.js';
import { PrefixScorer, tokenLogprobReadout, type TokenScorer } from './prefixScorer.js';
import { ValueSession } from './valueSession.js';
import { certainCalculations } from './certainCalculations.js';
import { RecordedLogprobs } from './recordedLogprobs.js';
import { stepEndFlags } from '../stepEnds.js';

export interface EngineModelOptions {
  /** Memory budget of each verifier's scored-prefix cache. */
  valueCacheBytes?: number;
  /** Memory budget of the policy's cache of earlier prompts and continuations. */
  policyCacheBytes?: number;
  maxBatchRows?: number;
  /** Largest sampling request (see PolicySessionConfig.requestBudgetBytes). */
  requestBudgetBytes?: number;
  /** Verifiers read sampled tokens' log-probabilities as recorded while sampling (default true; false: a second policy pass, for comparison). */
  recordLogprobs?: boolean;
}

/** stepEndTokens[id] = 1 when token `id`'s text contains the delimiter (e.g. "\n", ".\n", "\n\n"). */
export function stepEndTokens(bundle: LoadedBundle): Uint8Array {
  return stepEndFlags(bundle.tokenizer, bundle.info.stepDelimiter);
}

/**
 * The policy's log-probability of every token, log p(t_k | t_<k) (0 on the prompt): the input
 * `token_logprobs` of verifiers trained to read it. A student's slip is a token the policy finds
 * very unlikely, which a verifier cannot tell from the token ids alone.
 */
export function bundleTokenLogprobs(bundle: LoadedBundle, maxBatchRows?: number): TokenScorer {
  return new PrefixScorer(bundle.models.policy, tokenLogprobReadout(bundle.tokenizer.vocabSize, stepEndTokens(bundle)), {
    cacheBytes: 64 * 1024 * 1024,
    ...(maxBatchRows !== undefined && { maxBatchRows }),
  });
}

export function createEngineModels(bundle: LoadedBundle, options: EngineModelOptions = {}): EngineModels {
  const { maxPositions } = bundle.info;
  // One scorer for all verifiers that read the policy's token log-probabilities: a step scored
  // by the TVM and a baseline runs the policy over it once.
  // What the policy sampled comes with its log-probabilities (recordedLogprobs.ts); correct
  // calculated results read as certain (certainCalculations.ts).
  const recorded = new RecordedLogprobs(bundleTokenLogprobs(bundle, options.maxBatchRows), stepEndTokens(bundle));
  const tokenLogprobs = certainCalculations(recorded, bundle.tokenizer, stepEndTokens(bundle));
  const verifier = (slot: 'tvm' | 'orm' | 'prm') => {
    const model = bundle.models[slot];
    return (
      model &&
      new ValueSession(model, {
        maxPositions,
        cacheBytes: options.valueCacheBytes,
        maxBatchRows: options.maxBatchRows,
        ...(model.signature.hasTokenLogprobs && { tokenLogprobs }),
      })
    );
  };
  const tvm = verifier('tvm');
  const orm = verifier('orm');
  const prm = verifier('prm');
  return {
    info: bundle.info,
    tokenizer: bundle.tokenizer,
    policy: new PolicySession(bundle.models.policy, {
      eosId: bundle.tokenizer.eosId,
      stepEndTokens: stepEndTokens(bundle),
      vocabSize: bundle.tokenizer.vocabSize,
      maxPositions,
      maxBatchRows: options.maxBatchRows,
      cacheBytes: options.policyCacheBytes,
      requestBudgetBytes: options.requestBudgetBytes,
      ...(options.recordLogprobs !== false && { onContinuation: (prompt: readonly number[], tokens: readonly number[], logprobs: Float32Array) => recorded.record(prompt, tokens, logprobs) }),
    }),
    ...(tvm && { tvm }),
    ...(orm && { orm }),
    ...(prm && { prm }),
    device: bundle.device.device,
  };
}
