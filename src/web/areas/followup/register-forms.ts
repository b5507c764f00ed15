import type { NhvOutcome, NhvPermitInput, StaffAssignmentInput } from "../../../core/followup/registers";

// The registers' forms as typed, and their checks in Swedish before anything is sent.

export interface PermitForm {
  careArea: string;
  applicationPhase: string;
  outcome: NhvOutcome;
  startDate: string;
  principal: string;
}

export interface AssignmentForm {
  unit: string;
  role: string;
  percent: string;
  note: string;
}

export type FormErrors<F> = Partial<Record<keyof F, string>>;

export const emptyPermitForm = (): PermitForm => ({ careArea: "", applicationPhase: "", outcome: "granted", startDate: "", principal: "" });
export const emptyAssignmentForm = (): AssignmentForm => ({ unit: "", role: "", percent: "", note: "" });

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function checkPermitForm(form: PermitForm): { row: NhvPermitInput } | { errors: FormErrors<PermitForm> } {
  const errors: FormErrors<PermitForm> = {};
  if (!form.careArea.trim()) errors.careArea = "Ange vårdområdet.";
  if (!isDate(form.applicationPhase.trim())) errors.applicationPhase = "Ange ansökningsfasens datum som ÅÅÅÅ-MM-DD, till exempel 2023-03-08.";
  if (form.startDate.trim() && !isDate(form.startDate.trim())) errors.startDate = "Skriv startdatum som ÅÅÅÅ-MM-DD, eller lämna tomt.";
  if (!form.principal.trim()) errors.principal = "Ange vem som har huvudansvar, till exempel Sus.";
  if (Object.keys(errors).length > 0) return { errors };
  return { row: { careArea: form.careArea.trim(), applicationPhase: form.applicationPhase.trim(), outcome: form.outcome, startDate: form.startDate.trim() || null, principal: form.principal.trim() } };
}

export function checkAssignmentForm(form: AssignmentForm): { row: StaffAssignmentInput } | { errors: FormErrors<AssignmentForm> } {
  const errors: FormErrors<AssignmentForm> = {};
  if (!form.unit.trim()) errors.unit = "Ange enheten, till exempel RCC Syd.";
  if (!form.role.trim()) errors.role = "Ange uppdraget, till exempel Strateger/utvecklare.";
  const percent = form.percent.replace(/\s|%/g, "");
  if (!/^\d+$/.test(percent) || Number(percent) < 1 || Number(percent) > 100_000) errors.percent = "Ange andelen av heltid i hela procent, till exempel 75 eller 300.";
  if (Object.keys(errors).length > 0) return { errors };
  return { row: { unit: form.unit.trim(), role: form.role.trim(), percent: Number(percent), note: form.note.trim() || null } };
}
