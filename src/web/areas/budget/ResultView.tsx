import type { DocDetail, Kind, ResultOf, SpecOf } from "./api";
import type { Unit } from "./amounts";
import { BudgetView } from "./views/BudgetView";
import { FinancingView } from "./views/FinancingView";
import { FrameChangeView } from "./views/FrameChangeView";
import { SubscriptionView } from "./views/SubscriptionView";

/** The computed result of any kind, as the detail page and the form's live check show it. */
export function ResultView({ kind, spec, result, unit }: { kind: Kind; spec: unknown; result: unknown; unit: Unit }) {
  switch (kind) {
    case "budget":
      return <BudgetView spec={spec as SpecOf["budget"]} result={result as ResultOf["budget"]} unit={unit} />;
    case "frame_change":
      return <FrameChangeView spec={spec as SpecOf["frame_change"]} result={result as ResultOf["frame_change"]} unit={unit} />;
    case "joint_financing":
      return <FinancingView result={result as ResultOf["joint_financing"]} />;
    default:
      return <SubscriptionView result={result as ResultOf["subscription"]} unit={unit} />;
  }
}

export const unitOf = (doc: Pick<DocDetail, "metadata">, fallback: Unit): Unit => doc.metadata.displayUnit ?? fallback;
