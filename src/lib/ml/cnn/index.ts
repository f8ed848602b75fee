// The digits CNN: architecture as data, a fast typed-array engine (forward, backward, trainer),
// the same network on tfjs backends, and the shipped trained models.
export * from './spec.ts';
export * from './net.ts';
export * from './predict.ts';
export * from './trainer.ts';
export * from './tf-model.ts';
export * from './model-file.ts';
export * from './protocol.ts';
export * from './runner.ts';
