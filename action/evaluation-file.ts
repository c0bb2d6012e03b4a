// The file `mode: evaluate` writes for an artifact and `mode: publish` reads back. Its content
// comes from a pull request's workflow, so publish treats it as untrusted: strict shape, bounded
// sizes, and checked against the workflow run and the pull request before anything is written.
import { z } from "zod";
import { verdictSchema } from "../shared/core/verdict-schema.js";

export const EVALUATION_ARTIFACT = "shipgate-evaluation";
export const EVALUATION_FILE = "evaluation.json";

const text = (max: number) => z.string().max(max);

const evaluationSchema = z.object({
  shipgate: z.literal("evaluation"),
  version: z.literal(1),
  repository: text(200),
  pullRequest: z.number().int().min(1),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
  verdict: verdictSchema,
  configNotes: z.array(text(5000)).max(100),
});

export type EvaluationFile = z.infer<typeof evaluationSchema>;

export function renderEvaluationFile(
  evaluation: Omit<EvaluationFile, "shipgate" | "version">,
): string {
  return `${JSON.stringify({ shipgate: "evaluation", version: 1, ...evaluation })}\n`;
}

export type ParsedEvaluation =
  { ok: true; evaluation: EvaluationFile } | { ok: false; error: string };

export function parseEvaluationFile(bytes: Uint8Array): ParsedEvaluation {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, error: `${EVALUATION_FILE} is not JSON: ${String(error)}` };
  }
  const parsed = evaluationSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error:
        `${EVALUATION_FILE} is not a shipgate evaluation: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim(),
    };
  }
  return { ok: true, evaluation: parsed.data };
}
