// "Where you stand": a score against the rounds of invitations shipped with the site
// (data/rounds.json) and the pool's score distribution. `standing` is pure (tested under Node).

const YEAR_DAYS = 365;

/**
 * What a total means against the rounds: the latest round of each type held in the year before
 * the newest round, how many rounds of that type the total would have cleared in that year,
 * and about how many candidates in the pool scored higher.
 */
export function standing(total, data) {
  const newest = data.rounds[0].date;
  const since = shiftDays(newest, -YEAR_DAYS);
  const byType = new Map();
  for (const round of data.rounds) {
    if (round.date <= since) break; // newest first
    const entry = byType.get(round.type) ?? { type: round.type, latest: round, count: 0, cleared: 0 };
    entry.count += 1;
    if (total >= round.min_crs) entry.cleared += 1;
    byType.set(round.type, entry);
  }
  const types = [...byType.values()].map((e) => ({
    ...e,
    clearsLatest: total >= e.latest.min_crs,
    gap: Math.max(0, e.latest.min_crs - total),
  }));
  return { newest, since, types, pool: poolAbove(total, data.pool) };
}

/**
 * Candidates with a higher score than `total`: whole bands above it, plus the share of its own
 * band above it if the band's candidates were spread evenly (IRCC gives only bands).
 */
export function poolAbove(total, pool) {
  let above = 0;
  let exact = true;
  for (const band of pool.bands) {
    if (band.min > total) above += band.count;
    else if (band.max > total) {
      above += Math.round((band.count * (band.max - total)) / (band.max - band.min + 1));
      exact = false;
    }
  }
  return { above, total: pool.total, asOf: pool.as_of, estimated: !exact };
}

function shiftDays(isoDate, days) {
  const d = new Date(isoDate + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Where the chart made by the build draws a score (null when it is off the chart). */
export function chartY(svg, score) {
  const min = Number(svg.dataset.scoreMin);
  const max = Number(svg.dataset.scoreMax);
  if (!(score >= min && score <= max)) return null;
  const top = Number(svg.dataset.yTop);
  const bottom = Number(svg.dataset.yBottom);
  return bottom - ((score - min) / (max - min)) * (bottom - top);
}
