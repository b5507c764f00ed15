import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "./schemas";

/** The revision a change was based on: required on every update, decide and new-version call. */
export const revisionField = z.number().int().positive().openapi({ description: "Revisionen som ändringen bygger på (från senaste läsningen)", example: 1 });

export const RevisionBody = z.object({ revision: revisionField }).openapi("RevisionBody");

/** Fields every editable record's read carries, for optimistic concurrency. */
export const revisionFields = {
  revision: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
};

export const conflictResponse = {
  409: {
    description: "Konflikt: posten har ändrats av någon annan sedan den lästes (code stale), eller dess tillstånd tillåter inte ändringen (t.ex. redan beslutad)",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;
