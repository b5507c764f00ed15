import { Link, usePageTitle } from "../router";

export function NotFoundPage() {
  usePageTitle("Sidan finns inte");
  return (
    <>
      <h1 tabIndex={-1}>Sidan finns inte</h1>
      <p>
        Adressen leder inte till någon sida i Fördela. Gå till <Link href="/">startsidan</Link>.
      </p>
    </>
  );
}
