// The file name of a downloaded body: from Content-Disposition, else the last segment of the URL's path.

/** Decodes RFC 5987 `charset''percent-encoded` text; undefined when it is not. */
function extendedValue(value: string): string | undefined {
  const match = /^([\w!#$%&+^`{}~-]*)'[\w-]*'(.*)$/u.exec(value.trim());
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined;
  }
}

/** `filename*` wins over `filename` (RFC 6266); quotes and backslash escapes are undone. */
export function fileNameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*("?)([^";]+)\1/iu.exec(header);
  const fromExtended = extended ? extendedValue(extended[2] ?? '') : undefined;
  if (fromExtended) return fromExtended;
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;]+))/iu.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/gu, '$1') ?? plain?.[2]?.trim();
  return name === undefined || name === '' ? undefined : name;
}

/** The last non-empty path segment, percent-decoded. */
export function fileNameFromUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const segment = new URL(url).pathname.split('/').filter((part) => part !== '').pop();
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** GUESS: `file` when neither the headers nor the URL name the file (Make shows a name for every download). */
export function responseFileName(contentDisposition: string | undefined, url: string): string {
  return fileNameFromDisposition(contentDisposition) ?? fileNameFromUrl(url) ?? 'file';
}
