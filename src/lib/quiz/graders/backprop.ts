// Pure: no DOM. Graders for the widget questions of the "Backpropagation" lesson. Each reads
// only the reader's settings from the widget's quizState() and recomputes the outcome with the
// same pure code the widget runs, so a reported step label or relative error is never trusted.
import type { Grader } from './types.ts';
import { buildGraph, lessonNet } from '../../ml/backprop-graph.ts';
import { gradientCheck } from '../../ml/gradient-check.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * BackpropGraph: the current step computes params.node in params.phase ("forward" or
 * "backward"), looked up in the lesson graph's own step list.
 */
export const backpropGraphStep: Grader = {
  description:
    'BackpropGraph: the step the reader stopped at computes params.node in params.phase.',
  checkParams(params) {
    const steps = buildGraph(lessonNet).steps;
    const ok = steps.some((s) => s.node === params['node'] && s.phase === params['phase']);
    return ok ? [] : ['params.node and params.phase must name a step of the lesson graph'];
  },
  grade(state, params) {
    if (!isObject(state) || !finite(state['step']))
      return { pass: false, feedback: 'The graph has no current step yet.' };
    const steps = buildGraph(lessonNet).steps;
    const step = steps[state['step']];
    if (!step) return { pass: false, feedback: 'Step through the graph with Next step first.' };
    if (step.node === params['node'] && step.phase === params['phase'])
      return { pass: true, feedback: `Step ${step.index + 1}: ${step.text}` };
    const target = steps.find((s) => s.node === params['node'] && s.phase === params['phase']);
    const dir = target && target.index > step.index ? 'further on' : 'earlier';
    return {
      pass: false,
      feedback: `Step ${step.index + 1} computes something else; look ${dir}.`,
    };
  },
  examples: [
    { params: { node: 'w1', phase: 'backward' }, state: { step: 16 }, pass: true },
    { params: { node: 'w1', phase: 'backward' }, state: { step: 15 }, pass: false },
    { params: { node: 'L', phase: 'forward' }, state: { step: 6 }, pass: true },
    { params: { node: 'L', phase: 'forward' }, state: { step: -1 }, pass: false },
    { params: { node: 'L', phase: 'forward' }, state: {}, pass: false },
  ],
};

/** GradientCheck: the bug is off and the check still fails at the reader's ε (too large or too small). */
export const gradientCheckFailsCorrect: Grader = {
  description:
    'GradientCheck: with the bug switched off, the reader’s ε makes the check of the correct backward pass fail (relative error above 1e-4).',
  grade(state) {
    if (!isObject(state) || !finite(state['exponent']))
      return { pass: false, feedback: 'The gradient check has no ε to check yet.' };
    if (state['bug'] === true)
      return {
        pass: false,
        feedback: 'Switch the bug off: the question is about a correct backward pass.',
      };
    const e = state['exponent'];
    const r = gradientCheck(lessonNet, 10 ** e);
    if (r.verdict === 'fail')
      return {
        pass: true,
        feedback: `At ε = 1e${e} the relative error is ${r.relError.toExponential(1)}: ${e > -5 ? 'truncation error' : 'rounding error'} dominates.`,
      };
    return {
      pass: false,
      feedback: `At ε = 1e${e} the relative error is ${r.relError.toExponential(1)}, so the check does not fail. Try an extreme ε.`,
    };
  },
  examples: [
    { state: { exponent: -1, bug: false }, pass: true },
    { state: { exponent: -12, bug: false }, pass: true },
    { state: { exponent: -5, bug: false }, pass: false },
    { state: { exponent: -5, bug: true }, pass: false },
    { state: { exponent: 'x' }, pass: false },
  ],
};

/** The graders of the backpropagation lesson, by registry name. */
export const backpropGraders: Readonly<Record<string, Grader>> = {
  'backprop-graph-step': backpropGraphStep,
  'gradient-check-fails-correct': gradientCheckFailsCorrect,
};
