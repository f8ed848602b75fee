// Pure: no DOM. The small dense-network engine on Float32Arrays (see each module). It exists
// because tfjs's per-operation overhead makes tiny networks 20–35× slower per step.
export * from './activations.ts';
export * from './losses.ts';
export * from './network.ts';
export * from './backprop.ts';
export * from './regularization.ts';
export * from './optimizers.ts';
export * from './train.ts';
