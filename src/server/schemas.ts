import { z } from "@hono/zod-openapi";
import { AllocationRequestSchema } from "../core/allocation/request";
import { roles } from "../core/roles";

// Shapes shared by several routes. Route-specific schemas live with their routes.

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string().openapi({ example: "Beloppet saknas." }),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

export const errorResponses = {
  400: { description: "Felaktig indata", content: { "application/json": { schema: ErrorSchema } } },
  401: { description: "Inte inloggad", content: { "application/json": { schema: ErrorSchema } } },
  403: { description: "Saknar behörighet", content: { "application/json": { schema: ErrorSchema } } },
} as const;

/** The revision a change is based on, as the record was read; 0 for a record not yet stored. */
export const RevisionField = z.number().int().min(0).openapi({ description: "Revisionen ändringen utgår från, som den lästes (0 för något som inte sparats än); ett annat värde än det lagrade ger 409" });

/** 409: changed by somebody else since the revision sent (code stale), or a duplicate. */
export const conflictResponse = {
  409: { description: "Ändrat av någon annan sedan revisionen lästes (code stale)", content: { "application/json": { schema: ErrorSchema } } },
} as const;

export const notFoundResponse = {
  404: { description: "Finns inte", content: { "application/json": { schema: ErrorSchema } } },
} as const;

export const IdParam = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const UserSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    mustChangePassword: z.boolean(),
    roles: z.array(
      z.object({
        organisationId: z.number(),
        organisationCode: z.string(),
        organisationName: z.string(),
        role: z.enum(roles),
      }),
    ),
  })
  .openapi("User");

// Zod 4 gives a schema its methods when it is built, so a core schema built before
// @hono/zod-openapi loaded has no .openapi(): route files must never call it on a core schema.
// Re-wrapping the shape here gives every route one named AllocationRequest.
export const AllocationRequestOpenApi = z.object(AllocationRequestSchema.shape).openapi("AllocationRequest");
