import { useEffect, useState } from "react";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { kr } from "../../format";
import { followupApi, type DrillFilter } from "./api";
import { PAGE_SIZE, pageText } from "./drill";
import { useFetched } from "../../use-fetched";

/** The ledger rows behind a figure, a page at a time, in the ledger's own sign. */
export function TransactionsPanel({ filter, title, onClose }: { filter: DrillFilter; title: string; onClose(): void }) {
  const [offset, setOffset] = useState(0);
  const key = JSON.stringify(filter);

  useEffect(() => setOffset(0), [key]);
  // The filter is compared by value: a new object with the same content is the same query.
  const { value: page, error } = useFetched(() => followupApi.transactions({ ...filter, limit: PAGE_SIZE, offset }), [key, offset]);

  return (
    <section className="card fu-drill" aria-labelledby="drill-heading" id="drill">
      <h2 id="drill-heading" tabIndex={-1}>
        Transaktioner: {title}
      </h2>
      <ErrorAlert error={error} />
      {!page && !error && <Loading what="transaktionerna" />}
      {page && (
        <>
          <p>
            {page.total} rader, summa <span className="num-inline">{kr(page.sum)}</span> i huvudbokens tecken (debet positivt: kostnader plus, intäkter minus).
          </p>
          {page.rows.length > 0 && (
            <div className="table-wrap">
              <table className="data" id="drill-table">
                <caption>
                  Verifikationsrader, {pageText(offset, page.rows.length, page.total).toLowerCase()}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Datum</th>
                    <th scope="col">Verifikation</th>
                    <th scope="col">Konto</th>
                    <th scope="col">Kostnadsställe</th>
                    <th scope="col">Projekt</th>
                    <th scope="col">Text</th>
                    <th scope="col" className="num">
                      Belopp
                    </th>
                    <th scope="col">Källa</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((r, i) => (
                    <tr key={`${r.importId}-${r.line}-${i}`}>
                      <td className="nowrap">{r.date}</td>
                      <th scope="row" className="nowrap">
                        {r.voucher}
                      </th>
                      <td>
                        {r.account} {r.accountName}
                      </td>
                      <td>{r.costCentre ?? "–"}</td>
                      <td>{r.project ?? "–"}</td>
                      <td>{r.text || r.voucherText}</td>
                      <td className="num">{kr(r.amount)}</td>
                      <td className="nowrap">
                        {r.fileName}, rad {r.line}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="fu-pager">
            <button type="button" className="button-quiet" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              Föregående sida
            </button>
            <span>{pageText(offset, page.rows.length, page.total)}</span>
            <button type="button" className="button-quiet" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              Nästa sida
            </button>
            <button type="button" className="button-secondary" onClick={onClose}>
              Stäng
            </button>
          </div>
        </>
      )}
    </section>
  );
}
