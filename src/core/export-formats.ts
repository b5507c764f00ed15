// The file formats Fördela writes, with their MIME types and file name extensions, in one place
// for the routes (answers and OpenAPI), the CLI and the web.

export const exportFormats = {
  pdf: { mimeType: "application/pdf", extension: "pdf" },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  csv: { mimeType: "text/csv; charset=utf-8", extension: "csv" },
  ics: { mimeType: "text/calendar; charset=utf-8", extension: "ics" },
  sie: { mimeType: "application/octet-stream", extension: "se" },
  json: { mimeType: "application/json", extension: "json" },
} as const;

export type ExportFormat = keyof typeof exportFormats;

/** The Content-Type header for a format. */
export function mimeType(format: ExportFormat): string {
  return exportFormats[format].mimeType;
}

/** The media type alone (no parameters), as an OpenAPI content key. */
export function mediaType(format: ExportFormat): string {
  return exportFormats[format].mimeType.split(";")[0]!;
}
