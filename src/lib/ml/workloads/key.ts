// Pure: no DOM. Names a workload's size, for caching backend probes; no tfjs import.
import type { WorkloadConfig } from '../protocol';

/** A short key naming a workload's size, for caching the backend probe per workload. */
export function workloadKey(config: WorkloadConfig): string {
  switch (config.kind) {
    case 'mlp':
      return `mlp:2-${config.hidden.join('-')}-1:b${config.batchSize}`;
    case 'cnn':
      return `cnn:lenet:b${config.batchSize}`;
    case 'lstm':
      return `lstm:${config.units}x${config.seqLength}:b${config.batchSize}`;
    case 'gan':
      return `gan:2d:b${config.batchSize}`;
  }
}

/** Whether a workload trains convolutions. */
export function isConv(config: WorkloadConfig): boolean {
  return config.kind === 'cnn';
}
