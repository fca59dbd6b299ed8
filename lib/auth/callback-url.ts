/** Only same-site paths may be returned to after sign-in (no open redirect). */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/programs";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/programs";
  return value;
}
