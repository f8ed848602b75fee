// Pure: no DOM. Builds the workload a config names.
import type { WorkloadConfig } from '../protocol';
import type { Tf } from '../tf';
import { createCnn } from './cnn';
import { createGan } from './gan';
import { createLstm } from './lstm';
import { createMlp } from './mlp';
import type { Workload } from './types';

export type { Workload } from './types';

export function createWorkload(tf: Tf, config: WorkloadConfig, seed: number): Workload {
  switch (config.kind) {
    case 'mlp':
      return createMlp(tf, config, seed);
    case 'cnn':
      return createCnn(tf, config, seed);
    case 'lstm':
      return createLstm(tf, config, seed);
    case 'gan':
      return createGan(tf, config, seed);
  }
}

export { isConv, workloadKey } from './key';
