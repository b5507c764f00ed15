import type { SavedAllocation } from "../core/allocation/saved";
import { toCsv, toXlsx, type AllocationExportMeta } from "../formats/allocation-export";
import { describePopulationKey } from "../core/population-key";
import { mimeType } from "../core/export-formats";

function keyDescription(saved: SavedAllocation): string | undefined {
  const key = saved.request.key;
  if (key.kind !== "population") return undefined;
  return describePopulationKey(key);
}

export async function renderAllocationExport(format: "xlsx" | "csv", saved: SavedAllocation): Promise<{ body: Uint8Array<ArrayBuffer> | string; contentType: string }> {
  const meta: AllocationExportMeta = {
    title: saved.title,
    organisationName: saved.organisationName,
    createdAt: new Date(saved.createdAt),
    keyDescription: keyDescription(saved),
    lines: saved.result.shares.map((share) => ({
      key: share.key,
      label: share.label,
      method: share.method,
      weight: share.weight ?? undefined,
    })),
  };
  const body = format === "xlsx" ? new Uint8Array(await toXlsx(saved.result, meta)) : toCsv(saved.result, meta);
  return { body, contentType: mimeType(format) };
}
