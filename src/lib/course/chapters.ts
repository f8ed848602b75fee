// Pure: no DOM. The course map: every chapter and lesson in reading order. The home page,
// the sidebar and the progress page all read it, so a lesson is added in one place.

/** A lesson in the course map. `slug` is its path under src/content/docs (without extension). */
export interface LessonEntry {
  readonly slug: string;
  readonly title: string;
  /** One sentence for the chapter map on the home page. */
  readonly summary: string;
}

export interface Chapter {
  readonly id: ChapterId;
  readonly title: string;
  readonly lessons: readonly LessonEntry[];
}

export const chapterIds = [
  'foundations',
  'convolutional-networks',
  'recurrent-networks',
  'generative-models',
  'practice',
] as const;
export type ChapterId = (typeof chapterIds)[number];

export const chapters: readonly Chapter[] = [
  {
    id: 'foundations',
    title: 'Foundations',
    lessons: [
      {
        slug: 'foundations/what-is-deep-learning',
        title: 'What is deep learning?',
        summary:
          'Layered networks that learn their own features, why they work now, and when not to use them.',
      },
      {
        slug: 'foundations/the-neuron',
        title: 'The neuron',
        summary: 'Weights, bias and activation; the perceptron and the line it draws.',
      },
      {
        slug: 'foundations/activation-functions',
        title: 'Activation functions',
        summary: 'Sigmoid, tanh, ReLU and friends, their slopes, and why non-linearity matters.',
      },
      {
        slug: 'foundations/loss-and-gradient-descent',
        title: 'Loss and gradient descent',
        summary: 'Measuring error and walking downhill: learning rate, momentum, RMSProp and Adam.',
      },
      {
        slug: 'foundations/backpropagation',
        title: 'Backpropagation',
        summary: 'The chain rule on a computational graph, number by number.',
      },
      {
        slug: 'foundations/deep-networks',
        title: 'Deep networks',
        summary: 'Depth, overfitting, regularization and dropout in a training playground.',
      },
    ],
  },
  {
    id: 'convolutional-networks',
    title: 'Convolutional networks',
    lessons: [
      {
        slug: 'convolutional-networks/convolution-and-kernels',
        title: 'Convolution and kernels',
        summary: 'Sliding a small filter over an image to find edges and textures.',
      },
      {
        slug: 'convolutional-networks/pooling',
        title: 'Pooling',
        summary: 'Shrinking feature maps while keeping what matters.',
      },
      {
        slug: 'convolutional-networks/training-a-cnn-on-digits',
        title: 'Training a CNN on digits',
        summary: 'A real convolutional network learns handwritten digits in your browser.',
      },
    ],
  },
  {
    id: 'recurrent-networks',
    title: 'Recurrent networks',
    lessons: [
      {
        slug: 'recurrent-networks/recurrent-neural-networks',
        title: 'Recurrent neural networks',
        summary: 'A hidden state carried through a sequence, and the gradients that fade along it.',
      },
      {
        slug: 'recurrent-networks/long-short-term-memory',
        title: 'Long short-term memory',
        summary: 'Gates and a cell state that keep information across long sequences.',
      },
    ],
  },
  {
    id: 'generative-models',
    title: 'Generative models',
    lessons: [
      {
        slug: 'generative-models/gans',
        title: 'Generative adversarial networks',
        summary: 'Two networks in a contest: one forges, one detects.',
      },
    ],
  },
  {
    id: 'practice',
    title: 'Practice',
    lessons: [
      {
        slug: 'practice/transfer-learning',
        title: 'Transfer learning and feature extraction',
        summary: 'Reusing what a trained network already knows when labelled data is scarce.',
      },
      {
        slug: 'practice/hardware-and-frameworks',
        title: 'Hardware and frameworks',
        summary: 'GPUs, TPUs and the libraries that drive them.',
      },
      {
        slug: 'practice/challenges',
        title: 'Challenges: adversarial examples and interpretability',
        summary: 'Where deep networks fail and how we look inside them.',
      },
    ],
  },
];

/** A lesson as shown in the chapter map: written lessons get a link, others say "coming soon". */
export interface MapLesson extends LessonEntry {
  readonly available: boolean;
  readonly href: string | undefined;
  readonly number: string;
}

/**
 * The chapter map with each lesson marked available or not.
 * @param writtenSlugs slugs of lessons that exist in the docs collection
 * @param base site base path, e.g. "/" (a trailing slash is added to lesson links)
 */
export function chapterMap(
  writtenSlugs: Iterable<string>,
  base = '/',
): Array<{ id: ChapterId; title: string; lessons: MapLesson[] }> {
  const written = new Set(writtenSlugs);
  const root = base.endsWith('/') ? base : `${base}/`;
  return chapters.map((chapter, c) => ({
    id: chapter.id,
    title: chapter.title,
    lessons: chapter.lessons.map((lesson, l) => {
      const available = written.has(lesson.slug);
      return {
        ...lesson,
        available,
        href: available ? `${root}${lesson.slug}/` : undefined,
        number: `${c + 1}.${l + 1}`,
      };
    }),
  }));
}

/** Where a lesson sits in the course map, or undefined if it is not in it. */
export function findLesson(
  slug: string,
): { chapter: Chapter; lesson: LessonEntry; index: number } | undefined {
  for (const chapter of chapters) {
    const index = chapter.lessons.findIndex((l) => l.slug === slug);
    const lesson = chapter.lessons[index];
    if (lesson) return { chapter, lesson, index };
  }
  return undefined;
}
