import { describe, expect, it } from 'vitest';
import { familiarWord } from '../src/util/readability.js';

// The New Dale–Chall list (dale-chall package) with plain inflections: readability's test of a rare word (issue 14).
describe('familiarWord', () => {
  it.each(['house', 'parties', 'boxes', 'stopped', 'carried', 'making', 'quickly', 'easily', "mother's", 'well-known', 'bigger', 'biggest'])('%s is familiar', (w) => {
    expect(familiarWord(w)).toBe(true);
  });
  it.each(['idempotency', 'consolidate', 'beneficiary', 'reconciliation', 'adjudication', 'telemetry', 'non-transferable'])('%s is not', (w) => {
    expect(familiarWord(w)).toBe(false);
  });
});
