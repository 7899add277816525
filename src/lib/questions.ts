/**
 * The editor's three questions and the essays that answer them, as the
 * editor's note assigns them (front matter `questions` of content/forum/index.md,
 * which the ingest reads from the note's text).
 */
import type { Question } from './schema';

/** The questions whose discussion in the note names the essay's expert, in the note's order. */
export function questionsAnsweredBy(slug: string, questions: readonly Question[]): Question[] {
  return questions.filter((q) => q.experts.includes(slug));
}

/** Stops the build on a question that names an expert no essay has. */
export function checkQuestionExperts(questions: readonly Question[], slugs: readonly string[]): void {
  for (const q of questions) {
    const unknown = q.experts.find((s) => !slugs.includes(s));
    if (unknown) throw new Error(`content/forum/index.md: question ${q.n} names the expert “${unknown}”, who has no essay; expected one of ${slugs.join(', ')}; run npm run ingest`);
  }
}
