// Pure: no DOM. Which engine trains the character model on this device: the typed-array engine
// (src/lib/ml/lstm) or the same model on tfjs (tf-model.ts) on a hardware GPU. The rule is the
// course's shared one (src/lib/ml/gpu-engine.ts); these names are the character model's.
import { chooseEngine, type EngineRates, type GpuEngine } from '../ml/gpu-engine.ts';

export { engineLabel, gpuCandidates } from '../ml/gpu-engine.ts';

/** 'typed': src/lib/ml/lstm on the CPU; otherwise tfjs on that GPU backend. */
export type CharEngine = GpuEngine;

/** Training steps per second measured per engine (absent: not measured or failed). */
export type CharEngineRates = EngineRates;

/** See chooseEngine in src/lib/ml/gpu-engine.ts. */
export const chooseCharEngine = chooseEngine;
