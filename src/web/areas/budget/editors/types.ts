import type { ComponentType } from "react";
import type { PopulationDate } from "../../../api/client";
import type { Organisation } from "../../../api/types";
import type { DocDetail, IndexSeriesSummary } from "../api";
import type { FieldErrors, Unit } from "../amounts";

/** What a kind's editor gets from the form page. */
export interface EditorProps<F> {
  form: F;
  onChange(form: F): void;
  errors: FieldErrors;
  organisations: Organisation[];
  /** With what each day covers, so a picker says whether it is complete. */
  populationDates: PopulationDate[];
  series: IndexSeriesSummary[];
  /** The last running check's result, when there is one. */
  checked?: unknown;
}

/** A kind's form: how it starts, how it reads a saved document, and how it becomes a spec. */
export interface EditorModule<F> {
  empty(year: number): F;
  fromDoc(doc: DocDetail): F;
  /** The spec for the running check, or none while the form cannot give one. */
  live(form: F, organisations: Organisation[]): { spec?: unknown; errors: FieldErrors };
  save(form: F, organisations: Organisation[]): { spec?: unknown; errors: FieldErrors };
  unit(form: F): Unit;
  Editor: ComponentType<EditorProps<F>>;
}
