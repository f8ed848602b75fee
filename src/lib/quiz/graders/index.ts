// Pure: no DOM. The registry of named graders for widget questions (see ../widget-contract.ts).
// A quiz question names a grader by its key here; an unknown name fails the build. To add one:
// write `<widget>.ts` next to this file exporting a `Grader` with examples, and add one line
// below. tests/unit/quiz/graders.test.ts runs every grader through its examples.
import type { Grader, GraderExample, GraderParams } from './types.ts';
import { logicUnitTruthTable } from './logic-unit.ts';
import { neuronLessonGraders } from './neuron-lessons.ts';
import { playgroundGraders } from './playground.ts';
import { backpropGraders } from './backprop.ts';
import { lossLessonGraders } from './loss-lesson.ts';
import { descentGraders } from './descent.ts';
import { rnnGraders } from './rnn.ts';
import { lstmGraders } from './lstm.ts';
import { convGraders } from './conv.ts';
import { matmulBenchGraders } from './matmul-bench.ts';
import { digitProbeGraders } from './digit-probe.ts';
import { cnnTrainerGraders } from './cnn-trainer.ts';
import { ganGraders } from './gan.ts';
import { transferGraders } from './transfer.ts';

export type { Grader, GradeResult, GraderExample, GraderParams } from './types.ts';

/** Every grader by name. Names are kebab-case: "<widget>-<what it checks>". */
export const graders: Readonly<Record<string, Grader>> = {
  'logic-unit-truth-table': logicUnitTruthTable,
  ...neuronLessonGraders,
  ...playgroundGraders,
  ...backpropGraders,
  ...lossLessonGraders,
  ...descentGraders,
  ...rnnGraders,
  ...lstmGraders,
  ...convGraders,
  ...matmulBenchGraders,
  ...digitProbeGraders,
  ...cnnTrainerGraders,
  ...ganGraders,
  ...transferGraders,
};

/** Grades with a grader, turning a thrown error into a failing result (graders should not throw). */
export function safeGrade(grader: Grader, state: unknown, params: GraderParams) {
  try {
    return grader.grade(state, params);
  } catch (err) {
    return { pass: false, feedback: `This answer could not be graded (${String(err)}).` };
  }
}

/**
 * Runs a grader through its own examples and the extra examples a question supplies (with the
 * question's params). Returns one message per example whose outcome differs from the expected
 * one, and a message if the grader's own examples lack a passing or a failing state.
 */
export function runGraderExamples(
  name: string,
  grader: Grader,
  questionParams?: GraderParams,
  questionExamples: readonly GraderExample[] = [],
): string[] {
  const problems: string[] = [];
  if (!grader.examples.some((e) => e.pass) || !grader.examples.some((e) => !e.pass))
    problems.push(`grader "${name}" needs at least one passing and one failing example`);
  const all = [
    ...grader.examples.map((e, i) => ({
      e,
      label: `own example ${i + 1}`,
      params: e.params ?? {},
    })),
    ...questionExamples.map((e, i) => ({
      e,
      label: `question example ${i + 1}`,
      params: e.params ?? questionParams ?? {},
    })),
  ];
  for (const { e, label, params } of all) {
    const got = safeGrade(grader, e.state, params).pass;
    if (got !== e.pass)
      problems.push(
        `grader "${name}" fails its ${label}: expected ${e.pass ? 'pass' : 'fail'}, got ${got ? 'pass' : 'fail'}${e.note ? ` (${e.note})` : ''}`,
      );
  }
  return problems;
}
