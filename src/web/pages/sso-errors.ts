/**
 * Why a sign-in through the identity provider ended on the login page: the server sends the
 * browser back to /?inloggningsfel=CODE (the details are in the audit log), and the login page
 * says it in Swedish.
 */
export function ssoErrorMessage(code: string | null, providerName: string): string | undefined {
  switch (code) {
    case null:
    case "":
      return undefined;
    case "sso_no_rule":
      return `${providerName} godkände inloggningen, men ingen inloggningsregel i Fördela ger dig en organisation och roll. Be Fördelas administratör om behörighet.`;
    case "sso_deactivated":
      return "Kontot är avstängt i Fördela. Kontakta en administratör om du behöver komma åt Fördela.";
    case "sso_expired":
      return "Inloggningen tog för lång tid. Logga in igen.";
    case "sso_unavailable":
      return `${providerName} svarar inte just nu. Försök igen om en stund, eller logga in med lösenord.`;
    default:
      return `Inloggningen via ${providerName} kunde inte slutföras. Logga in igen.`;
  }
}
