import type { InternalLine, InternalMetadata } from "../../core/grants/internal";
import type { PartInput } from "../queries/grants-decisions";

// Seeds 002 and 003 as data. Amounts in öre; everything here is as the documents state it.

const kr = (kronor: number) => kronor * 100;

export const SEED_002_AGREEMENT = "Sammanhållen, jämlik och säker vård 2023";
export const SEED_003_AGREEMENT = "Ökad tillgänglighet i hälso- och sjukvården 2023";

const area = "9 Hälsovård, sjukvård och social omsorg";
const appropriation = "1:6 Bidrag till folkhälsa och sjukvård";
const rk = "Regeringskansliet (Socialdepartementet)";

const common = {
  expenditureArea: area,
  appropriation,
  requisitionDeadline: "2023-12-01",
  reportDeadline: "2024-03-31",
  reportRecipientCode: "KAMMARKOLLEGIET",
  repaymentDeadline: "2024-03-31",
  repaymentRecipientCode: "KAMMARKOLLEGIET",
};

const skrReports = [
  { kind: "partial" as const, deadline: "2023-09-30", recipient: rk },
  { kind: "final" as const, deadline: "2024-03-31", recipient: rk },
];

const skr = (purpose: string, amount: number, item: string, itemName: string, oneTime: boolean): PartInput => ({
  ...common,
  recipientGroup: "skr",
  purpose,
  amount: kr(amount),
  appropriationItem: item,
  appropriationItemName: itemName,
  oneTime,
  activityReports: skrReports,
});

export const seed002Parts: PartInput[] = [
  skr("Insatser för att förbättra antibiotikaanvändningen", 3_000_000, "18", "God vård och folkhälsa", true),
  skr("Stärka arbetet med och användningen av nationella kvalitetsregister", 68_000_000, "5", "Kvalitetsregister", false),
  skr("Arbetet med förbättrad läkemedelsinformation", 5_000_000, "29", "Ordnat införande och strukturerad uppföljning", true),
  skr("Arbetet med sällsynta hälsotillstånd", 10_000_000, "3", "Kroniska och långvariga sjukdomar", true),
  skr("Koordinera och stödja det nationellt gemensamma arbetet med personcentrerade och sammanhållna vårdförlopp", 17_500_000, "40", "Jämlik sjukvård", true),
  {
    ...common,
    recipientGroup: "regions",
    purpose: "Arbetet med personcentrerade och sammanhållna vårdförlopp (bilaga 1)",
    amount: kr(62_500_000),
    appropriationItem: "40",
    appropriationItemName: "Jämlik sjukvård",
    oneTime: false,
    activityReports: [],
  },
  {
    ...common,
    recipientGroup: "cooperation_regions",
    purpose: "Ta fram personcentrerade och sammanhållna vårdförlopp inom regionernas gemensamma system för kunskapsstyrning (bilaga 2)",
    amount: kr(60_000_000),
    appropriationItem: "40",
    appropriationItemName: "Jämlik sjukvård",
    oneTime: false,
    activityReports: [],
  },
];

/** Annex 1 of S2023/00488 as printed, "Region Norrbottens" included. */
export const seed002Annex1 = `Region\tBelopp, kr
Region Stockholm\t14 486 584
Region Uppsala\t2 378 035
Region Sörmland\t1 797 914
Region Östergötland\t2 804 384
Region Jönköpings län\t2 193 134
Region Kronoberg\t1 214 114
Region Kalmar län\t1 472 882
Region Gotland\t363 580
Region Blekinge\t944 367
Region Skåne\t8 399 416
Region Halland\t2 036 776
Västra Götalandsregionen\t10 445 031
Region Värmland\t1 687 819
Region Örebro län\t1 828 722
Region Västmanland\t1 667 805
Region Dalarna\t1 713 925
Region Gävleborg\t1 708 504
Region Västernorrland\t1 446 389
Region Jämtland Härjedalen\t787 491
Region Västerbotten\t1 641 366
Region Norrbottens\t1 481 762
Totalt\t62 500 000`;

export const seed002Annex2 = `Region\tBelopp, kr
Norra samverkansregionen\t10 000 000
Sydöstra samverkansregionen\t10 000 000
Stockholm-Gotland samverkansregion\t10 000 000
Västra samverkansregionen\t10 000 000
Uppsala-Örebro samverkansregion\t10 000 000
Södra samverkansregionen\t10 000 000
Totalt\t60 000 000`;

export const seed003Part: PartInput = {
  recipientGroup: "regions",
  purpose: "Strategiska medel för ett strategiskt, systematiskt och långsiktigt tillgänglighetsarbete, fördelade efter befolkning; varav 80 mkr för att korta väntetiderna i barn- och ungdomspsykiatrin",
  amount: kr(440_000_000),
  expenditureArea: null,
  appropriation: null,
  appropriationItem: null,
  appropriationItemName: null,
  oneTime: false,
  requisitionDeadline: null,
  reportDeadline: "2024-03-31",
  reportRecipientCode: "SOCIALSTYRELSEN",
  repaymentDeadline: "2024-03-31",
  repaymentRecipientCode: "KAMMARKOLLEGIET",
  activityReports: [],
};

export const seed003Lines: InternalLine[] = [
  { label: "Öronmärkta medel för Barn och ungdomspsykiatrin", kind: "earmarked", amount: kr(973_541), earmarkPurpose: "Insatser som syftar till att korta väntetiderna i barn- och ungdomspsykiatrin (80 av 440 mkr nationellt)" },
  { label: "Tillgänglighetssamordnare, HOSPA", kind: "fixed", amount: kr(900_000) },
  { label: "Övriga kostnader: Myndighetsuppdrag, referensgrupper, samverkan andra regioner, 1177 mm. Merparten av kostnaderna inom HOSPA.", kind: "fixed", amount: kr(250_000) },
  { label: "Central vårdlots 2 tjänster, sjuksköterskekomp (avser helår), med placering i HS direktörens stab", kind: "fixed", amount: kr(1_500_000) },
  {
    label: "Samverkan Norge och vård av patienter enligt särskilt samverkansavtal. Övriga strategiska tillgänglighetssatsningar. Äskas via HS direktören i särskild mall inkl. uppföljning",
    kind: "remainder",
  },
];

export const seed003Metadata: InternalMetadata = {
  caseNumber: null,
  decidedBy: "Sara Lewerentz",
  decidedByTitle: "Regiondirektör",
  decisionDate: null,
  delegationPoint: "4.1.19",
  delegationText: "Delegationsbestämmelser för regionstyrelsen punkt 4.1.19 Beslut om fördelning av riktade Statsbidrag.",
  reportedTo: "Regionstyrelsen",
  reportedOn: "2023-08-29",
  conditions: [
    "Målsättningen är att nyttja befintliga resurser för att uppnå/svara mot krav och kriterier i den aktuella nationella satsningen.",
    "Om en aktivitet i uppdraget innefattar en investeringskostnad så kan bara innevarande års avskrivning konteras mot objektet.",
    "Samtliga utförare oavsett driftssform, ska vid förfrågan kunna redovisa uppdragets aktiviteter och kostnader.",
    "Nya aktiviteter/utvecklingsprojekt får inte beviljas utan en budgetkalkyl för hur aktiviteten ska finansieras om/när riktad nationell satsning upphör. Det ska framgå hur implementering ska ske i ordinarie verksamhet i befintlig budget, vad aktiviteten kan ersätta av befintlig verksamhet eller hur avveckling av utvecklingsprojekt ska ske.",
  ],
  distributionList: [
    "Hälso- och sjukvårdsdirektör",
    "Divisionscheferna",
    "Chef Hälso- och sjukvårdspolitiska avdelningen",
    "Samordnare tillgänglighet",
    "Samordnare riktade statsbidrag",
    "Ekonomidirektör",
    "Förvaltningscontroller Hälso- och sjukvård",
  ],
  basisDocuments: [
    "Överenskommelse mellan staten och Sveriges Kommuner och Regioner om ökad tillgänglighet för hälso- och sjukvården 2023.",
    "Hälso- och sjukvårdsledningens beslut 2023-05-15 om förslag till hur strategiska medel för tillgänglighetssatsningen ska användas.",
  ],
  accountingObject: "9929",
};
