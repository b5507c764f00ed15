/** Downloads of a decision's document: the decision basis as PDF and its tables as XLSX (issue 4). */
export function DocumentLinks({ kind, id }: { kind: "grant-decisions" | "internal-decisions"; id: number }) {
  const name = kind === "grant-decisions" ? `regeringsbeslut-${id}` : `internt-beslut-${id}`;
  return (
    <>
      <a className="button-secondary" href={`/api/documents/${kind}/${id}/pdf`} download={`${name}.pdf`}>
        Beslutsunderlag (PDF)
      </a>
      <a className="button-secondary" href={`/api/documents/${kind}/${id}/xlsx`} download={`${name}.xlsx`}>
        Tabeller (XLSX)
      </a>
    </>
  );
}
