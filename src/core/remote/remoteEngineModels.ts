// The engine's models with the policy on a server: sampling (remotePolicy.ts) and the policy's
// token log-probabilities for the verifiers (remoteTokenScorer.ts) go to the server; the
// verifiers run here, from the bundle, which must be the server model's bundle (same tokenizer:
// the engine sends and reads token ids).
import type { LoadedBundle } from '../bundle/loadBundle.js';
import type { EngineModels } from '../lm.js';
import { certainCalculations } from '../runtime/certainCalculations.js';
import { stepEndTokens } from '../runtime/engineModels.js';
import { ValueSession } from '../runtime/valueSession.js';
import { CompletionsClient } from './completionsClient.js';
import { RemotePolicy } from './remotePolicy.js';
import type { RemoteServer } from './remoteServer.js';
import { RemoteTokenScorer } from './remoteTokenScorer.js';

/** Top alternatives per position when the server scores a token without echo (llama.cpp): the whole vocabulary up to this many. */
const MAX_ALTERNATIVES = 1024;

/** Checks that the server answers and serves the model, then builds the models (see createRemoteModels). */
export async function connectRemoteEngineModels(bundle: LoadedBundle, server: RemoteServer, signal?: AbortSignal): Promise<EngineModels> {
  const client = new CompletionsClient(server);
  await client.checkModel(signal);
  return createRemoteModels(bundle, client);
}

export function createRemoteModels(bundle: LoadedBundle, client: CompletionsClient): EngineModels {
  const stepEnds = stepEndTokens(bundle);
  const { maxPositions } = bundle.info;
  const scorer = new RemoteTokenScorer(client, { stepEndTokens: stepEnds, alternatives: Math.min(bundle.tokenizer.vocabSize, MAX_ALTERNATIVES) });
  const tokenLogprobs = certainCalculations(scorer, bundle.tokenizer, stepEnds);
  const verifier = (slot: 'tvm' | 'orm' | 'prm') => {
    const model = bundle.models[slot];
    return model && new ValueSession(model, { maxPositions, ...(model.signature.hasTokenLogprobs && { tokenLogprobs }) });
  };
  const orm = verifier('orm');
  const prm = verifier('prm');
  return {
    info: bundle.info,
    tokenizer: bundle.tokenizer,
    policy: new RemotePolicy(client, {
      codec: bundle.tokenizer,
      stepEndTokens: stepEnds,
      stepDelimiter: bundle.info.stepDelimiter,
      maxPositions,
      onContinuation: (prompt, tokens, logprobs) => scorer.record(prompt, tokens, logprobs),
    }),
    tvm: verifier('tvm') as ValueSession,
    ...(orm && { orm }),
    ...(prm && { prm }),
    device: bundle.device.device,
  };
}
