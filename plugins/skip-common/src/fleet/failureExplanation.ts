import { z } from 'zod';

/** Why something fails, told once by the backend in words a developer can act on. */
export const failureExplanationSchema = z.object({
  /** A few words: "Image not found". */
  title: z.string(),
  /** What happens and what to do, in a sentence or two. */
  detail: z.string(),
  /** One line for a list: "Image not found: ghcr.io/kartverket/foo:1.2-typo". */
  reason: z.string(),
});
export type FailureExplanation = z.infer<typeof failureExplanationSchema>;
