// What the App writes about a verdict — the check run's output and annotations, the sticky
// comment, the review's first ranges — rendered where the verdict is made (the reader's process),
// so that only these bounded texts cross back to the App's event loop, however many findings the
// verdict has. The verdict itself crosses only when a listener asked for it (AppOptions.onVerdict).
import { renderCheckAnnotations } from "../shared/core/render/render-annotations.js";
import { renderCheckRun } from "../shared/core/render/render-check-run.js";
import {
  renderPublication,
  type Publication,
  type PublicationRequest,
} from "../shared/core/render/render-publication.js";
import type { Verdict } from "../shared/core/types.js";
import type { CheckCompletion } from "../shared/github/complete-check-run.js";

export interface Judgement {
  checkRun: CheckCompletion;
  publication: Publication;
  /** The verdict, when it was asked for (JudgementRequest.keepVerdict); else null. */
  verdict: Verdict | null;
}

export interface JudgementRequest {
  publication: PublicationRequest;
  keepVerdict: boolean;
}

export function renderJudgement(verdict: Verdict, request: JudgementRequest): Judgement {
  const checkAnnotations = renderCheckAnnotations(verdict);
  return {
    checkRun: {
      conclusion: verdict.conclusion,
      output: renderCheckRun(verdict, checkAnnotations.notes),
      annotations: checkAnnotations.annotations,
    },
    publication: renderPublication(verdict, request.publication),
    verdict: request.keepVerdict ? verdict : null,
  };
}
