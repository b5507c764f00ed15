/** SMTP settings from the environment; reminders are off when FORDELA_SMTP_URL is not set. */
export interface SmtpConfig {
  /** smtp://host:port or smtps://user:pass@host:port */
  url: string;
  from: string;
}

export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.FORDELA_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.FORDELA_SMTP_FROM?.trim() || "Fördela <fordela@localhost>" };
}
