import type { DocumentMetadata } from "../api";

const person = (p: { name: string; title: string }) => (p.title ? `${p.name}, ${p.title}` : p.name);

/** The decision document's heading facts: case numbers, who prepared it, who gets it. */
export function MetadataView({ metadata: m }: { metadata: DocumentMetadata }) {
  const rows: [string, string[]][] = [
    ["Ärendenummer", m.caseNumber ? [m.caseNumber] : []],
    ["Tidigare ärende", m.relatedCases ?? []],
    ["Datum", m.date ? [m.date] : []],
    ["Beslutande", m.decidedBy ? [m.decidedBy] : []],
    ["Beredd av", (m.preparedBy ?? []).map(person)],
    ["Delaktiga", (m.participants ?? []).map(person)],
    ["Expedieras till", m.distribution ?? []],
  ];
  const shown = rows.filter(([, v]) => v.length > 0);
  const proposal = [...(m.proposalText ?? []), ...(m.attSatser ?? []).map((a) => `att ${a}`)];
  return (
    <section aria-labelledby="meta-heading">
      <h2 id="meta-heading">Beslutsunderlag</h2>
      {shown.length > 0 && (
        <dl className="facts">
          {shown.map(([label, values]) => (
            <div key={label}>
              <dt>{label}</dt>
              {values.map((v) => (
                <dd key={v}>{v}</dd>
              ))}
            </div>
          ))}
        </dl>
      )}
      {(m.summary ?? []).length > 0 && (
        <>
          <h3>Sammanfattning</h3>
          {m.summary!.map((p) => (
            <p key={p} className="prose">
              {p}
            </p>
          ))}
        </>
      )}
      {proposal.length > 0 && (
        <>
          <h3>Förslag till beslut</h3>
          <ul className="plain">
            {proposal.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {(m.notes ?? []).length > 0 && (
        <>
          <h3>Underlag och anmärkningar</h3>
          <ul className="plain">
            {m.notes!.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      {shown.length === 0 && (m.summary ?? []).length === 0 && proposal.length === 0 && (m.notes ?? []).length === 0 && <p className="muted">Inga uppgifter för beslutsunderlaget är angivna ännu.</p>}
    </section>
  );
}
