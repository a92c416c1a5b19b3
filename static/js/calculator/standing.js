// "Where you stand" beside the engine's round verdicts (engine.rounds): the pool's score
// distribution of data/rounds.json and the chart's scale. Pure (tested under Node).

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

/** Where the chart made by the build draws a score (null when it is off the chart). */
export function chartY(svg, score) {
  const min = Number(svg.dataset.scoreMin);
  const max = Number(svg.dataset.scoreMax);
  if (!(score >= min && score <= max)) return null;
  const top = Number(svg.dataset.yTop);
  const bottom = Number(svg.dataset.yBottom);
  return bottom - ((score - min) / (max - min)) * (bottom - top);
}
