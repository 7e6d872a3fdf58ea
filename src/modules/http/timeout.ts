// The module timeout: Make's HTTP modules wait 40 s by default, and 1–300 s when set [F-http; SEMANTICS rule 29].

/** Default timeout of HTTP modules, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 40;
/** The most any module call may take in Make, in seconds. */
export const MAX_TIMEOUT_SECONDS = 300;

/**
 * Milliseconds to wait for `seconds` as mapped. Blank is the default; values are clamped to 1–300. DECISION:
 * exported blueprints also hold values such as 60000 (milliseconds typed into a seconds field, which Make's form
 * would refuse); clamping gives them the 300 s maximum rather than 16 hours.
 */
export function timeoutMs(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return DEFAULT_TIMEOUT_SECONDS * 1000;
  return Math.round(Math.min(MAX_TIMEOUT_SECONDS, Math.max(1, seconds)) * 1000);
}
