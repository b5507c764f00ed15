import type { ProjectFlows } from "./project-accounts";

// Seed 001 (Södra regionvårdsnämnden, årsredovisning 2023): the project accounts in whole öre.
const kr = (n: number) => n * 100;

export const SEED001_PROJECTS: ProjectFlows[] = [
  { code: "8925", name: "Klassifikationsrådet", opening: kr(176_779), jointFinancing: kr(332_040), otherIncome: kr(600_000), costs: kr(510_621) },
  { code: "8930", name: "Utvecklingsmedel", opening: kr(3_534_424), jointFinancing: kr(1_052_472), otherIncome: 0, costs: kr(2_857_487) },
  { code: "8938", name: "Kliniska studier Forum Söder", opening: kr(18_690_849), jointFinancing: 0, otherIncome: kr(11_829_337), costs: kr(13_534_611) },
  { code: "8941", name: "Kunskapsstyrning, SFBF, Vårdförlopp", opening: kr(33_913_851), jointFinancing: kr(1_249_108), otherIncome: kr(10_000_000), costs: kr(10_539_502) },
];

export const SEED001_BOARD_RESULT = kr(-663_740);

/** The project paragraphs of seed 001 as printed, line breaks included. */
export const SEED001_NARRATIVE = `Projekt 8925 Klassifikationsrådet
Klassifikationsrådet hade en ingående balans på knappt 177 tkr. Intäkterna har varit i
form av solidarisk finansiering och intäkter för utbildning i sjukdomsklassificering som
Södra sjukvårdsregionen administrerar. Cirka 120 elever har betalat en avgift på 5 tkr för
en åttadagarskurs. Kostnaderna härrör i huvudsak från projektledarskap och
lokalkostnader för utbildningen. Utgående balans uppgår till drygt 598 tkr.

Projekt 8930 Utvecklingsmedel
Ingående balans för de gemensamma anslagen för utveckling och utbildning var drygt
3 534 tkr. Under året har tillkommit solidarisk finansiering med drygt 1 052 tkr, 50 öre per
invånare. Kostnaderna på knappt 2 857 tkr består av utbildningskostnader för
Endoskopiutbildning på 1 725 tkr samt andra utbildning- och utvecklingskostnader på
knappt 737 tkr. Efter omföring till ny projektkod uppgår utgående balans till 1 729 tkr.
 Projekt 8938 Kliniska Studier Sverige - Forum Söder
Kliniska Studier Sverige - Forum Söder hade en ingående balans på 18 691 tkr. Under året
har det tillkommit medel från Vetenskapsrådet med 11 829 tkr. Verksamheten har
belastat anslaget med kostnader på 13 535 tkr vilket ger en utgående balans på knappt 16
986 tkr.

Projekt 8941 Kunskapsstyrning SFBV Vårdförlopp
Det fanns en obalans mellan projekten där tagna beslut i Södra regionvårdsnämnden inte
speglas i utgående balanser per projekt. Av denna anledning har en omdisponering
genomförts där medel tas från Klassifikationsrådet, Kunskapsstyrning, Samarbete för
bättre vård, Resurscentrum Psykisk hälsa, Medel för vårdförlopp samt resultat för Södra
regionvårdsnämnden år 2019–2022 och samlas i ett projekt. I detta projekt samlas
kostnader och intäkter relaterade till Kunskapsstyrning, Samarbete för bättre vård och
Medel för vårdförlopp.
Ingående balans för detta projekt, omräknat från tidigare uppdelning, var 33 914 tkr och
under året har intäkter på 1 249 tkr för solidarisk finansiering samt 10 000 tkr i statsbidrag
inkommit. Kostnader på totalt 8 540 tkr har belastat projekt i form av kostnader för
projektledare och processtöd vilket leder till utgående balans på 36 287 tkr.
`;
