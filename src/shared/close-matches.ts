// "Did you mean…?" for names a user typed: the candidates closest to a word, by edit distance and containment.

/** Levenshtein distance between two strings, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * Up to `limit` candidates close to `word`: those containing it (or contained in it) first, then those within
 * an edit distance of a third of the word's length, nearest first.
 */
export function closeMatches(word: string, candidates: readonly string[], limit = 3): string[] {
  const lower = word.toLowerCase();
  if (lower === '') return [];
  const scored = candidates.map((candidate) => {
    const other = candidate.toLowerCase();
    const contains = other.includes(lower) || (other.length >= 3 && lower.includes(other));
    return { candidate, score: contains ? 0 : distance(lower, other) };
  });
  const threshold = Math.max(2, Math.ceil(lower.length / 3));
  return scored
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
