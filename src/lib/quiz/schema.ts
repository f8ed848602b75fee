// Pure: no DOM. Provisional quiz file schema; the quiz-engine issue finalizes it.
import { z } from 'astro/zod';

const option = z.object({
  text: z.string().min(1),
  correct: z.boolean().default(false),
  feedback: z.string().optional(),
});

export const questionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  type: z.literal('single'),
  prompt: z.string().min(1),
  options: z.array(option).min(2).max(8),
  explanation: z.string().min(1),
  section: z.string().min(1),
});

export const quizFileSchema = z.object({
  lesson: z.string(),
  title: z.string().optional(),
  passMark: z.number().min(0).max(1).default(0.7),
  questions: z.array(questionSchema).min(1),
});
