import type { Kind } from "../api";
import { budgetEditor } from "./BudgetEditor";
import { financingEditor } from "./FinancingEditor";
import { frameChangeEditor } from "./FrameChangeEditor";
import { subscriptionEditor } from "./SubscriptionEditor";
import type { EditorModule } from "./types";

const editors = { budget: budgetEditor, frame_change: frameChangeEditor, joint_financing: financingEditor, subscription: subscriptionEditor } as Record<Kind, EditorModule<unknown>>;

export const editorOf = (kind: Kind): EditorModule<unknown> => editors[kind];
