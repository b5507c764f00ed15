import { requestJson, uploadWithProgress } from "../../api/client";
import type { PopulationBasis } from "../../../core/population-key";

export interface PopulationFigure {
  population: number;
  basis: string;
  parts: { areaCode: string; name: string; population: number }[];
}

export interface PopulationImportResult {
  rows: number;
  dates: string[];
  inserted: number;
  replaced: number;
}

export const referenceApi = {
  population: (code: string, date: string, basis: PopulationBasis) =>
    requestJson<PopulationFigure>("GET", `/api/population?code=${encodeURIComponent(code)}&date=${date}&basis=${basis}`),
  importPopulation: (file: File, date: string | undefined, onProgress: (fraction: number) => void) => {
    const query = new URLSearchParams({ filename: file.name });
    if (date) query.set("date", date);
    return uploadWithProgress<PopulationImportResult>(`/api/population/import?${query}`, file, onProgress);
  },
};
