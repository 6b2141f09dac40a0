/** Pairwise precision, recall and F1 of a clustering against true entity labels (one pass, no pair lists). */

export interface PairwiseQuality {
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const choose2 = (k: number) => (k * (k - 1)) / 2;

function countPairs(labels: readonly (string | number)[]): number {
  const sizes = new Map<string | number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  let pairs = 0;
  for (const s of sizes.values()) pairs += choose2(s);
  return pairs;
}

export function pairwiseQuality(predicted: readonly (string | number)[], truth: readonly (string | number)[]): PairwiseQuality {
  if (predicted.length !== truth.length) throw new RangeError('predicted and truth must label the same records');
  const both = predicted.map((p, i) => `${p}\u0000${truth[i]}`);
  return fromCounts(countPairs(truth), countPairs(predicted), countPairs(both));
}

/** Precision/recall/F1 from counts (precision is 1 when nothing is predicted, recall 1 when nothing is true). */
export function fromCounts(truePairs: number, predictedPairs: number, correctPairs: number): PairwiseQuality {
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
