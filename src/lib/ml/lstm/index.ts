// Pure: no DOM. The typed-array recurrent engine (LSTM and tanh RNN with a softmax head): forward,
// BPTT backward, clipping, Adam, step-by-step inference. Weights share tfjs's layouts.
export * from './spec.ts';
export * from './forward.ts';
export * from './backward.ts';
export * from './train.ts';
export * from './step.ts';
