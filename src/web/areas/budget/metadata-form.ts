import type { DocumentMetadata } from "./api";
import type { FieldErrors, Unit } from "./amounts";

// The decision document's metadata as text fields: lists one item a line, people as
// "Namn, titel", summary paragraphs separated by an empty line.

export interface MetaForm {
  caseNumber: string;
  relatedCases: string;
  date: string;
  organisationName: string;
  summary: string;
  proposalText: string;
  attSatser: string;
  preparedBy: string;
  participants: string;
  distribution: string;
  decidedBy: string;
  notes: string;
  displayUnit: "" | Unit;
}

type Person = { name: string; title: string };

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, " ").trim()).filter(Boolean);
const personText = (p: Person) => (p.title ? `${p.name}, ${p.title}` : p.name);

function people(text: string): Person[] {
  return lines(text).map((l) => {
    const comma = l.indexOf(",");
    return comma < 0 ? { name: l, title: "" } : { name: l.slice(0, comma).trim(), title: l.slice(comma + 1).trim() };
  });
}

export function metaFormFrom(m: DocumentMetadata = {}): MetaForm {
  return {
    caseNumber: m.caseNumber ?? "",
    relatedCases: (m.relatedCases ?? []).join("\n"),
    date: m.date ?? "",
    organisationName: m.organisationName ?? "",
    summary: (m.summary ?? []).join("\n\n"),
    proposalText: (m.proposalText ?? []).join("\n"),
    attSatser: (m.attSatser ?? []).join("\n"),
    preparedBy: (m.preparedBy ?? []).map(personText).join("\n"),
    participants: (m.participants ?? []).map(personText).join("\n"),
    distribution: (m.distribution ?? []).join("\n"),
    decidedBy: m.decidedBy ?? "",
    notes: (m.notes ?? []).join("\n"),
    displayUnit: m.displayUnit ?? "",
  };
}

/** The metadata to send; empty fields are left out. Errors are keyed "meta-<field>". */
export function buildMetadata(f: MetaForm): { metadata: DocumentMetadata; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const m: DocumentMetadata = {};
  const text = (v: string) => v.trim() || undefined;
  const list = <T>(v: T[]) => (v.length > 0 ? v : undefined);
  if (f.date.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(f.date.trim())) errors["meta-date"] = "Datum: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-11-26.";
  const prepared = people(f.preparedBy);
  const taking = people(f.participants);
  [...prepared.map((p) => ["meta-preparedBy", p] as const), ...taking.map((p) => ["meta-participants", p] as const)].forEach(([field, p]) => {
    if (!p.name) errors[field] = `${field === "meta-preparedBy" ? "Beredd av" : "Delaktiga"}: raden "${personText(p)}" saknar namn före kommatecknet.`;
  });
  const entries: Partial<DocumentMetadata> = {
    caseNumber: text(f.caseNumber),
    relatedCases: list(lines(f.relatedCases)),
    date: text(f.date),
    organisationName: text(f.organisationName),
    summary: list(paragraphs(f.summary)),
    proposalText: list(lines(f.proposalText)),
    attSatser: list(lines(f.attSatser)),
    preparedBy: list(prepared),
    participants: list(taking),
    distribution: list(lines(f.distribution)),
    decidedBy: text(f.decidedBy),
    notes: list(lines(f.notes)),
    displayUnit: f.displayUnit || undefined,
  };
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) (m as Record<string, unknown>)[k] = v;
  return { metadata: m, errors };
}
