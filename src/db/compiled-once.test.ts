import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { compiledOnce } from "./compiled-once";
import type { OpenDatabase } from "./connect";

describe("compiledOnce", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await opened.db.insertInto("population").values([
      { area_code: "98", on_date: "2022-12-31", population: 100, source: "test" },
      { area_code: "98", on_date: "2023-12-31", population: 110, source: "test" },
      { area_code: "97", on_date: "2023-12-31", population: 7, source: "other" },
    ]).execute();
  });
  afterAll(() => opened.close());

  // The builder's own constant ("test") stays a parameter of its own between the call's values.
  const populations = compiledOnce((db, v: { area: string; from: string }) =>
    db.selectFrom("population").select(["on_date", "population"]).where("area_code", "=", v.area).where("source", "=", "test").where("on_date", ">=", v.from).orderBy("on_date"),
  );

  it("answers each call with that call's values, as the built query would", async () => {
    expect(await populations(opened.db, { area: "98", from: "2023-01-01" })).toEqual([{ on_date: "2023-12-31", population: 110 }]);
    expect(await populations(opened.db, { area: "98", from: "2000-01-01" })).toEqual([
      { on_date: "2022-12-31", population: 100 },
      { on_date: "2023-12-31", population: 110 },
    ]);
    expect(await populations(opened.db, { area: "97", from: "2000-01-01" })).toEqual([]);
    const rows = await opened.db.transaction().execute((trx) => populations(trx, { area: "98", from: "2022-12-31" }));
    expect(rows).toHaveLength(2);
  });

  it("refuses a value the query never uses, which would otherwise be silently ignored", async () => {
    const careless = compiledOnce((db, _v: { area: string }) => db.selectFrom("population").select("population").where("area_code", "=", "98"));
    await expect(careless(opened.db, { area: "97" })).rejects.toThrow(/area blev ingen parameter/);
  });
});
