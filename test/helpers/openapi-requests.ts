// Requests built from the API's own OpenAPI document, for the tests that walk every operation
// (the authorisation matrix and the write-operation fuzz test): path parameters, required query
// parameters and a plausible body, all pointed at one organisation's records.

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /api/allocations/{id}. */
  path: string;
  key: string;
  parameters: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  /** Media types of the request body, if it has one. */
  bodyTypes: string[];
  bodySchema?: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  default?: unknown;
  discriminator?: unknown;
}

interface Document {
  paths: Record<string, Record<string, { parameters?: Operation["parameters"]; requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The organisation and records a request is aimed at. */
export interface Target {
  organisationId: number;
  organisationCode: string;
  /** Record ids by the path prefix they belong to ("/api/allocations" → id). */
  ids: Record<string, number>;
}

export function operationsOf(doc: Document): { operations: Operation[]; resolve(schema: JsonSchema): JsonSchema } {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (schema.$ref) {
      const name = schema.$ref.replace("#/components/schemas/", "");
      return resolve(doc.components?.schemas?.[name] ?? {});
    }
    return schema;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const json = content["application/json"];
      operations.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: op.parameters ?? [],
        bodyTypes: Object.keys(content),
        bodySchema: json?.schema,
      });
    }
  }
  return { operations, resolve };
}

/** The id a path parameter {id} takes for a path, from the target's records (999999: none). */
function idFor(path: string, target: Target): number {
  const match = Object.keys(target.ids)
    .filter((prefix) => path.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return match ? target.ids[match]! : 999_999;
}

function valueFor(name: string, schema: JsonSchema | undefined, target: Target, resolve: (s: JsonSchema) => JsonSchema): unknown {
  if (name === "organisationId") return target.organisationId;
  if (name === "org" || name === "code" || name === "recipientCode" || name === "organisationCode") return target.organisationCode;
  if (name === "year") return 2023;
  if (name === "format") return schema?.enum?.[0] ?? "pdf";
  return exampleOf(schema ?? {}, target, resolve, 0);
}

/** A small value that satisfies the schema as far as a schema can say. */
export function exampleOf(raw: JsonSchema, target: Target, resolve: (s: JsonSchema) => JsonSchema, depth: number): unknown {
  const schema = resolve(raw);
  if (depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice?.length) return exampleOf(choice[0]!, target, resolve, depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, target, resolve, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = valueFor(name, schema.properties?.[name], target, resolve);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => exampleOf(schema.items ?? {}, target, resolve, depth + 1));
    case "integer":
    case "number":
      return Math.max(1, schema.minimum ?? 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case "boolean":
      return false;
    case "string":
      if (schema.format === "date" || schema.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2023-12-31";
      if (schema.format === "email") return "test@example.se";
      return "Prov";
    default:
      return null;
  }
}

export interface BuiltRequest {
  url: string;
  body?: string;
  contentType?: string;
}

/** The operation as a request aimed at the target: path and query filled, a plausible body. */
export function requestFor(op: Operation, target: Target, resolve: (s: JsonSchema) => JsonSchema, body?: unknown): BuiltRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.parameters.find((p) => p.name === name && p.in === "path");
    if (name === "id") return String(idFor(op.path, target));
    if (name === "jobId") return "00000000-0000-4000-8000-000000000000";
    return encodeURIComponent(String(valueFor(name, param?.schema, target, resolve)));
  });
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.in !== "query" || (!p.required && p.name !== "organisationId" && p.name !== "org")) continue;
    query.set(p.name, String(valueFor(p.name, p.schema, target, resolve)));
  }
  const url = query.size > 0 ? `${path}?${query}` : path;
  if (op.bodyTypes.includes("application/json")) {
    const value = body !== undefined ? body : exampleOf(op.bodySchema ?? {}, target, resolve, 0);
    return { url, body: JSON.stringify(value), contentType: "application/json" };
  }
  if (op.bodyTypes.length > 0) return { url, body: "x", contentType: op.bodyTypes[0] };
  return { url };
}
