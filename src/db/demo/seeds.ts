import { COOPERATION_REGIONS } from "../../core/reference/cooperation-regions";
import { REGIONS } from "../../core/reference/regions";
import type { AllocationRequest } from "../../core/allocation/request";
import { fractionToOre, upratePercent } from "../../core/money";

export interface DemoAllocation {
  title: string;
  organisationCode: string;
  decided: boolean;
  request: AllocationRequest;
}

const kr = (kronor: number) => kronor * 100;
const tkr = (thousands: number) => thousands * 100_000;

// Seed 002, annex 2: 60 000 000 kr in equal parts to the six cooperation regions.
const cooperationRegions: DemoAllocation = {
  title: "Sammanhållen, jämlik och säker vård 2023 – medel till samverkansregionerna (S2023/00488, bilaga 2)",
  organisationCode: "REGERINGEN",
  decided: true,
  request: {
    total: kr(60_000_000),
    unit: kr(1),
    rounding: "largest-remainder",
    key: { kind: "none" },
    lines: COOPERATION_REGIONS.map((c) => ({ label: c.name, recipientCode: c.code, method: "equal" as const })),
  },
};

// Seed 003: Region Jämtland Härjedalen's strategic access funds, the last line takes the remainder.
const jamtland: DemoAllocation = {
  title: "Fördelning av strategiska medel, ökad tillgänglighet i hälso- och sjukvården 2023",
  organisationCode: "23",
  decided: true,
  request: {
    total: kr(5_039_944),
    unit: kr(1),
    rounding: "largest-remainder",
    key: { kind: "none" },
    lines: [
      { label: "Öronmärkta medel för Barn och ungdomspsykiatrin", method: "fixed", amount: kr(973_541) },
      { label: "Tillgänglighetssamordnare, HOSPA", method: "fixed", amount: kr(900_000) },
      { label: "Övriga kostnader: Myndighetsuppdrag, referensgrupper, samverkan andra regioner, 1177 mm.", method: "fixed", amount: kr(250_000) },
      { label: "Central vårdlots 2 tjänster, sjuksköterskekomp (avser helår)", method: "fixed", amount: kr(1_500_000) },
      { label: "Samverkan Norge och övriga strategiska tillgänglighetssatsningar", method: "remainder" },
    ],
  },
};

// Seed 000: budget 2023 of 10 500 tkr uprated by the budget directive's 2,5 % plus the decided
// 700 tkr = 11 462,5 tkr, split equally over the seven member regions, each rounded up to 10 tkr.
const uppsalaOrebro = COOPERATION_REGIONS.find((c) => c.code === "SVR-UPPSALA-OREBRO")!;
const samverkansnamnden: DemoAllocation = {
  title: "Budget 2024 för Samverkansnämndens verksamhet – regionernas bidrag",
  organisationCode: uppsalaOrebro.code,
  decided: false,
  request: {
    total: fractionToOre(upratePercent(tkr(10_500), "2,5")) + tkr(700),
    unit: tkr(10),
    rounding: "up",
    key: { kind: "none" },
    lines: uppsalaOrebro.wholeCounties.map((county) => ({
      label: REGIONS.find((r) => r.countyCode === county)!.name,
      recipientCode: county,
      method: "equal" as const,
    })),
  },
};

// Seed 002, annex 1: 62 500 000 kr over the 21 regions by the population of 2022-11-01, each
// share to the nearest krona and the difference on the largest (Stockholm 14 486 584).
const annex1: DemoAllocation = {
  title: "Sammanhållen, jämlik och säker vård 2023 – medel till regionerna (S2023/00488, bilaga 1)",
  organisationCode: "REGERINGEN",
  decided: true,
  request: {
    total: kr(62_500_000),
    unit: kr(1),
    rounding: "nearest-largest",
    key: { kind: "population", date: "2022-11-01", basis: "membership" },
    lines: REGIONS.map((r) => ({ label: r.name, recipientCode: r.countyCode, method: "population" as const })),
  },
};

// The foundation's fixed-total case: 62 500 000 kr over the 21 regions by population.
const regionsByPopulation: DemoAllocation = {
  title: "Exempel: 62 500 000 kr till regionerna efter folkmängd 2023-12-31",
  organisationCode: "REGERINGEN",
  decided: false,
  request: {
    total: kr(62_500_000),
    unit: kr(1),
    rounding: "largest-remainder",
    key: { kind: "population", date: "2023-12-31", basis: "membership" },
    lines: REGIONS.map((r) => ({ label: r.name, recipientCode: r.countyCode, method: "population" as const })),
  },
};

export const demoAllocations: DemoAllocation[] = [annex1, cooperationRegions, jamtland, samverkansnamnden, regionsByPopulation];
