import type { ReactNode } from "react";

/** A buyer × seller matrix of öre amounts with its row, column and grand totals. */
export interface Matrix {
  buyers: { key: string; label: string }[];
  sellers: { key: string; label: string }[];
  cells: { buyer: string; seller: string; amount: number }[];
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  total: number;
}

/**
 * The matrix as an accessible table; totals come from the matrix, not from the shown cells.
 * format gets undefined for a pair without a cell.
 */
export function MatrixTable({
  matrix: m,
  caption,
  corner,
  format,
  id,
  className = "data",
}: {
  matrix: Matrix;
  caption: ReactNode;
  corner: string;
  format: (ore: number | undefined) => string;
  id?: string;
  className?: string;
}) {
  const amountOf = (buyer: string, seller: string) => m.cells.find((c) => c.buyer === buyer && c.seller === seller)?.amount;
  return (
    <div className="table-wrap">
      <table className={className} id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {m.sellers.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
            <th scope="col" className="num">
              Summa
            </th>
          </tr>
        </thead>
        <tbody>
          {m.buyers.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              {m.sellers.map((s) => (
                <td key={s.key} className="num">
                  {format(amountOf(b.key, s.key))}
                </td>
              ))}
              <td className="num strong">{format(m.rowTotals[b.key] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            {m.sellers.map((s) => (
              <td key={s.key} className="num">
                {format(m.columnTotals[s.key] ?? 0)}
              </td>
            ))}
            <td className="num">{format(m.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
