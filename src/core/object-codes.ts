/**
 * The order of cost centres, projects and other codes in reports and lists: Swedish, with
 * digits compared as numbers ("P2" before "P10"). One collator for all: String#localeCompare
 * with a locale builds one on every call, 10 ms to sort 200 project codes.
 */
export const compareCodes: (a: string, b: string) => number = new Intl.Collator("sv", { numeric: true }).compare;
